package fr.observatoire.ia.server.stats.protection;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Worked examples of primary and secondary suppression; {@link ProtectorPropertiesTest} checks them at random. */
class ProtectorTest {
    private static final Protector PROTECTOR = new Protector(Rules.INSEE);

    private static Table oneAxis(LineKind kind, boolean people, Object... cells) {
        Map<List<String>, Aggregate> map = new HashMap<>();
        for (int i = 0; i < cells.length; i += 2) {
            map.put(List.of((String) cells[i]), (Aggregate) cells[i + 1]);
        }
        return new Table(List.of(Axis.of("epci", kind)), map, Map.of(), people);
    }

    private static Aggregate cell(long value, int units, long largest) {
        return new Aggregate(value, units, largest);
    }

    @Test
    void aLoneHiddenCellTakesTheNextSmallestWithIt() {
        Table table = oneAxis(LineKind.PARTITION, false,
                "A", cell(50, 1, 50), "B", cell(30, 4, 10), "C", cell(20, 5, 5), "D", cell(100, 10, 20));

        Map<List<String>, Reason> hidden = PROTECTOR.protect(table);

        assertThat(hidden).containsOnly(Map.entry(List.of("A"), Reason.FEWER_THAN_3_COLLECTIVITES),
                Map.entry(List.of("C"), Reason.SECONDARY));
    }

    @Test
    void twoHiddenCellsMustTogetherPassTheRules() {
        // A and B have one collectivité each: together two, still fewer than three. C joins them.
        Table table = oneAxis(LineKind.PARTITION, false,
                "A", cell(5, 1, 5), "B", cell(6, 1, 6), "C", cell(40, 4, 12), "D", cell(90, 9, 15));

        Map<List<String>, Reason> hidden = PROTECTOR.protect(table);

        assertThat(hidden.keySet()).containsExactlyInAnyOrder(List.of("A"), List.of("B"), List.of("C"));
        assertThat(hidden.get(List.of("C"))).isEqualTo(Reason.SECONDARY);
    }

    @Test
    void dominanceAndPeople() {
        Table dominated = oneAxis(LineKind.PARTITION, false, "A", cell(100, 5, 90), "B", cell(100, 5, 30), "C", cell(100, 5, 30));
        assertThat(PROTECTOR.protect(dominated)).containsEntry(List.of("A"), Reason.DOMINANCE).containsKey(List.of("B"))
                .doesNotContainKey(List.of("C"));

        Table people = oneAxis(LineKind.ADDITIVE, true, "A", cell(9, 4, 3), "B", cell(40, 6, 11), "C", cell(60, 7, 11));
        assertThat(PROTECTOR.protect(people)).containsEntry(List.of("A"), Reason.FEWER_THAN_11_PEOPLE)
                .containsEntry(List.of("B"), Reason.SECONDARY).hasSize(2);
    }

    @Test
    void emptyLinesAndLinesWithoutSecretsAreLeftAlone() {
        assertThat(PROTECTOR.protect(oneAxis(LineKind.PARTITION, false, "A", cell(10, 3, 3), "B", cell(12, 4, 4)))).isEmpty();
        // A cell alone in its line is its parent: hiding it hides nothing more, and nothing else has to go.
        assertThat(PROTECTOR.protect(oneAxis(LineKind.PARTITION, false, "A", cell(1, 1, 1))))
                .containsOnly(Map.entry(List.of("A"), Reason.FEWER_THAN_3_COLLECTIVITES));
    }

    @Test
    void aCellThatATotalGivesAwayIsNeverTheSecondarySuppression() {
        // Two axes, EPCI x stratum. B/S2 is alone in the line of stratum S2: it equals the public total of S2, so hiding
        // it would protect nothing, and it is never chosen.
        Map<List<String>, Aggregate> cells = new HashMap<>();
        cells.put(List.of("A", "S1"), cell(3, 1, 3));
        cells.put(List.of("A", "S3"), cell(50, 6, 10));
        cells.put(List.of("B", "S1"), cell(30, 5, 8));
        cells.put(List.of("B", "S2"), cell(20, 4, 6));
        cells.put(List.of("B", "S3"), cell(70, 8, 12));
        Table table = new Table(List.of(Axis.of("epci", LineKind.PARTITION), Axis.of("stratum", LineKind.PARTITION)), cells, Map.of(), false);

        Map<List<String>, Reason> hidden = PROTECTOR.protect(table);

        assertThat(hidden).containsEntry(List.of("A", "S1"), Reason.FEWER_THAN_3_COLLECTIVITES);
        assertThat(hidden).doesNotContainKey(List.of("B", "S2"));
        // Line of EPCI A: A/S3 goes with A/S1. Line of stratum S1: B/S1 goes with A/S1. Line of EPCI B then has B/S1
        // alone hidden: B/S3 (B/S2 is locked) goes too. Line of S3: A/S3 and B/S3 hidden, both.
        assertThat(hidden.keySet()).containsExactlyInAnyOrder(List.of("A", "S1"), List.of("A", "S3"), List.of("B", "S1"), List.of("B", "S3"));
    }

    @Test
    void overlappingCellsLeaveAComplementThatPassesTheRules() {
        // Adoption by purpose: 10 collectivités adopted; 9 of them for drafting. Parent minus drafting = 1 collectivité.
        Map<List<String>, Aggregate> cells = new HashMap<>();
        cells.put(List.of("DRAFTING"), cell(9, 9, 1));
        cells.put(List.of("TRANSLATION"), cell(4, 4, 1));
        Table table = new Table(List.of(Axis.of("purpose", LineKind.NON_ADDITIVE)), cells,
                Map.of(0, Map.of(List.of(Table.ALL), cell(10, 10, 1))), false);

        Map<List<String>, Reason> hidden = PROTECTOR.protect(table);

        assertThat(hidden).containsOnly(Map.entry(List.of("DRAFTING"), Reason.SECONDARY));
    }

    @Test
    void timeLinesAreTheMonthsOfAQuarter() {
        Map<List<String>, Aggregate> cells = new HashMap<>();
        cells.put(List.of("2026-01"), cell(2, 1, 2));
        cells.put(List.of("2026-02"), cell(20, 5, 5));
        cells.put(List.of("2026-03"), cell(30, 6, 6));
        cells.put(List.of("2026-04"), cell(10, 4, 4));
        Axis months = new Axis("period", LineKind.ADDITIVE, month -> month.compareTo("2026-04") < 0 ? "2026-Q1" : "2026-Q2");
        Table table = new Table(List.of(months), cells, Map.of(), false);

        assertThat(PROTECTOR.protect(table)).containsOnly(Map.entry(List.of("2026-01"), Reason.FEWER_THAN_3_COLLECTIVITES),
                Map.entry(List.of("2026-02"), Reason.SECONDARY));
    }

    @Test
    void aParentHiddenByTheCoarserTableKeepsAHiddenPart() {
        // Strata of a département whose total the table by département hid to protect another département: all its
        // strata pass the rules, but published together they would add up to the hidden total.
        Map<List<String>, Aggregate> cells = new HashMap<>();
        cells.put(List.of("S1"), cell(30, 4, 10));
        cells.put(List.of("S2"), cell(50, 6, 12));
        Table table = new Table(List.of(Axis.of("stratum", LineKind.PARTITION)), cells, Map.of(),
                Map.of(0, java.util.Set.of(List.of(Table.ALL))), false);

        Map<List<String>, Reason> hidden = PROTECTOR.protect(table);

        // The smallest part is hidden so that the parts do not add up to the total; a lone hidden part would be given
        // away if the total were ever published, so the other goes too.
        assertThat(hidden).containsOnly(Map.entry(List.of("S1"), Reason.SECONDARY), Map.entry(List.of("S2"), Reason.SECONDARY));

        Table published = new Table(List.of(Axis.of("stratum", LineKind.PARTITION)), cells, Map.of(), false);
        assertThat(PROTECTOR.protect(published)).isEmpty();
    }
}
