package fr.observatoire.ia.model;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelValidationTest {

    @Test
    void aCommuneNeedsAValidSirenAndItsInseeCode() {
        assertThat(new Declarant(DeclarantKind.COMMUNE, "210600888", "06088", null, "Nice").siren()).isEqualTo("210600888");
        assertThatThrownBy(() -> new Declarant(DeclarantKind.COMMUNE, "210600889", "06088", null, "Nice"))
                .hasMessageContaining("not a valid SIREN");
        assertThatThrownBy(() -> new Declarant(DeclarantKind.COMMUNE, "210600888", null, null, "Nice"))
                .hasMessageContaining("5-character INSEE code");
    }

    @Test
    void aSchoolNeedsAValidUai() {
        assertThatThrownBy(() -> new Declarant(DeclarantKind.ETABLISSEMENT_SCOLAIRE, "210600888", null, "0060030B", "x"))
                .hasMessageContaining("UAI");
    }

    @Test
    void aHighRiskUsageNeedsItsAnnexIiiPointAndOthersMustNotHaveOne() {
        assertThatThrownBy(() -> AiActAssessment.of(AiActRiskClass.HIGH)).hasMessageContaining("annexIiiPoint is required");
        assertThatThrownBy(() -> new AiActAssessment(AiActRiskClass.MINIMAL, "5(a)", null, null, null))
                .hasMessageContaining("only applies to a high-risk usage");
        assertThat(new AiActAssessment(AiActRiskClass.HIGH, "5(a)", null, null, null).annexIiiPoint()).isEqualTo("5(a)");
    }

    @Test
    void listsAreCopiedSoARecordCannotChangeAfterTheFact() {
        List<IncidentCount> counts = new ArrayList<>();
        counts.add(new IncidentCount(IncidentCategory.BIAS, Severity.S2, null, 1));
        Incidents incidents = new Incidents(counts, null);
        counts.clear();
        assertThat(incidents.counts()).hasSize(1);
        assertThat(incidents.reported()).isEmpty();
    }

    @Test
    void anIndividualIncidentMustHaveBeenApprovedByAPerson() {
        assertThatThrownBy(() -> new ReportedIncident(java.util.UUID.randomUUID(), null, IncidentCategory.BIAS, Severity.S2,
                List.of(), LocalDate.of(2026, 11, 2), null, "résumé", null, null))
                .hasMessageContaining("approve");
    }

    @Property
    void everyDayBelongsToExactlyTheWeekAndMonthThatContainIt(@ForAll @IntRange(min = 0, max = 20_000) int offset) {
        LocalDate day = LocalDate.of(2000, 1, 1).plusDays(offset);
        Period week = Period.containing(PeriodKind.WEEK, day);
        assertThat(week.start().getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(week.contains(day)).isTrue();
        assertThat(week.following().contains(day)).isFalse();
        assertThat(week.following().start()).isEqualTo(week.end());
        Period month = Period.containing(PeriodKind.MONTH, day);
        assertThat(month.contains(day)).isTrue();
        assertThat(month.start().getDayOfMonth()).isEqualTo(1);
    }

    @Test
    void aPeriodThatIsNotAWholeWeekIsRefused() {
        assertThatThrownBy(() -> new Period(PeriodKind.WEEK, LocalDate.of(2026, 11, 16), LocalDate.of(2026, 11, 22)))
                .hasMessageContaining("is not one week");
        assertThatThrownBy(() -> new Period(PeriodKind.WEEK, LocalDate.of(2026, 11, 17), LocalDate.of(2026, 11, 24)))
                .hasMessageContaining("Monday");
    }
}
