package fr.observatoire.ia.sdk.internal.declare;

import fr.observatoire.ia.model.Period;
import fr.observatoire.ia.model.PeriodKind;
import fr.observatoire.ia.sdk.internal.store.ChainState;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Which period counts go to and which period is declared next, in the collectivité's calendar.
 *
 * <p>The rule that makes {@code closePeriodNow()} safe: nothing is ever attributed to a period that ends on or
 * before {@code declaredThrough}. After an early close of the current week, counts of the rest of the week go
 * to the following week, which is declared when it ends; the early-closed week can never be declared twice.
 */
public final class PeriodCalendar {
    private final PeriodKind kind;
    private final ZoneId zone;
    private final Clock clock;

    public PeriodCalendar(PeriodKind kind, ZoneId zone, Clock clock) {
        this.kind = kind;
        this.zone = zone;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    public Period current() {
        return Period.containing(kind, today());
    }

    /**
     * The first period that starts on or after {@code day}. {@code day} is normally a period boundary already;
     * it is not when the period kind was changed (WEEK to MONTH) after some declarations.
     */
    public Period firstFrom(LocalDate day) {
        Period containing = Period.containing(kind, day);
        return containing.start().isBefore(day) ? containing.following() : containing;
    }

    /** Where counts recorded now go. */
    public Period receiving(ChainState state) {
        Period current = current();
        LocalDate declaredThrough = state.declaredThrough();
        if (declaredThrough != null && current.start().isBefore(declaredThrough)) {
            return firstFrom(declaredThrough);
        }
        return current;
    }

    /** The next period to declare; empty while nothing has ever been recorded. */
    public Optional<Period> nextToDeclare(ChainState state) {
        if (state.declaredThrough() != null) {
            return Optional.of(firstFrom(state.declaredThrough()));
        }
        if (state.trackingSince() != null) {
            return Optional.of(Period.containing(kind, state.trackingSince()));
        }
        return Optional.empty();
    }

    /** The next period to declare if it has ended. */
    public Optional<Period> nextDue(ChainState state) {
        LocalDate today = today();
        return nextToDeclare(state).filter(period -> !period.end().isAfter(today));
    }
}
