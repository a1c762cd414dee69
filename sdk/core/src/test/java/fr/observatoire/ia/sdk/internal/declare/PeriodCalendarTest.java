package fr.observatoire.ia.sdk.internal.declare;

import fr.observatoire.ia.model.Period;
import fr.observatoire.ia.model.PeriodKind;
import fr.observatoire.ia.sdk.internal.store.ChainState;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class PeriodCalendarTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final LocalDate MONDAY = LocalDate.of(2025, 3, 10);

    private static PeriodCalendar at(PeriodKind kind, String instant) {
        return new PeriodCalendar(kind, PARIS, Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    @Test
    void the_day_is_the_collectivites_day() {
        // Sunday 23:30 UTC is already Monday in Paris: the new week has started there.
        PeriodCalendar calendar = at(PeriodKind.WEEK, "2025-03-16T23:30:00Z");
        assertThat(calendar.current().start()).isEqualTo(LocalDate.of(2025, 3, 17));
    }

    @Test
    void after_an_early_close_counts_go_to_the_following_period() {
        PeriodCalendar calendar = at(PeriodKind.WEEK, "2025-03-12T09:00:00Z");
        ChainState fresh = new ChainState(0, null, null, null);
        assertThat(calendar.receiving(fresh).start()).isEqualTo(MONDAY);
        assertThat(calendar.nextToDeclare(fresh)).isEmpty();

        ChainState closedEarly = new ChainState(1, "sha256:x", MONDAY.plusWeeks(1), MONDAY);
        assertThat(calendar.receiving(closedEarly).start()).isEqualTo(MONDAY.plusWeeks(1));
        assertThat(calendar.nextToDeclare(closedEarly)).contains(Period.containing(PeriodKind.WEEK, MONDAY.plusWeeks(1)));
        assertThat(calendar.nextDue(closedEarly)).as("next week has not ended").isEmpty();
    }

    @Test
    void the_first_declaration_covers_the_period_where_tracking_started() {
        PeriodCalendar calendar = at(PeriodKind.WEEK, "2025-03-26T09:00:00Z");
        ChainState tracking = new ChainState(0, null, null, MONDAY);
        assertThat(calendar.nextDue(tracking)).contains(Period.containing(PeriodKind.WEEK, MONDAY));
    }

    @Test
    void a_change_of_period_kind_never_overlaps_what_was_declared() {
        // Declared weekly up to Wednesday 2 April; now monthly: April started before, so the next period is May.
        PeriodCalendar monthly = at(PeriodKind.MONTH, "2025-04-10T09:00:00Z");
        ChainState weekly = new ChainState(4, "sha256:x", LocalDate.of(2025, 4, 7), MONDAY);
        assertThat(monthly.firstFrom(LocalDate.of(2025, 4, 7)).start()).isEqualTo(LocalDate.of(2025, 5, 1));
        assertThat(monthly.receiving(weekly).start()).isEqualTo(LocalDate.of(2025, 5, 1));
        assertThat(monthly.firstFrom(LocalDate.of(2025, 5, 1)).start()).isEqualTo(LocalDate.of(2025, 5, 1));
    }
}
