package fr.observatoire.ia.server.stats.protection;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random two-dimensional tables (a partition by territory crossed with an additive item dimension): whatever the
 * data, no published cell breaks a rule, and no line leaves a hidden part that a public total would give away.
 */
class ProtectorPropertiesTest {
    private static final Rules RULES = Rules.INSEE;

    record Generated(Table table) {
    }

    @Provide
    Arbitrary<Generated> tables() {
        Arbitrary<Aggregate> cell = Combinators.combine(Arbitraries.integers().between(1, 8), Arbitraries.longs().between(1, 60),
                        Arbitraries.integers().between(0, 100))
                .as((units, perUnit, skew) -> {
                    long value = units * perUnit + skew;
                    long largest = Math.min(value, perUnit + skew);
                    return new Aggregate(value, units, largest);
                });
        Arbitrary<Map<List<String>, Aggregate>> cells = cell.injectNull(0.3).list().ofSize(4 * 5).map(list -> {
            Map<List<String>, Aggregate> map = new HashMap<>();
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) != null) {
                    map.put(List.of("E" + i / 5, "P" + i % 5), list.get(i));
                }
            }
            return map;
        });
        return Combinators.combine(cells, Arbitraries.of(true, false)).as((map, people) -> new Generated(new Table(
                List.of(Axis.of("epci", LineKind.PARTITION), Axis.of("purpose", LineKind.ADDITIVE)), map, Map.of(), people)));
    }

    @Property(tries = 500)
    void noPublishedCellBreaksARule(@ForAll("tables") Generated generated) {
        Table table = generated.table();
        Map<List<String>, Reason> hidden = new Protector(RULES).protect(table);
        table.cells().forEach((key, cell) -> {
            if (!hidden.containsKey(key)) {
                assertThat(RULES.primary(cell, table.people())).as("published %s %s", key, cell).isEmpty();
            }
        });
    }

    @Property(tries = 500)
    void noLineGivesAwayItsHiddenPart(@ForAll("tables") Generated generated) {
        Table table = generated.table();
        Map<List<String>, Reason> hidden = new Protector(RULES).protect(table);
        for (int axis = 0; axis < 2; axis++) {
            Map<List<String>, List<List<String>>> lines = new HashMap<>();
            for (List<String> key : table.cells().keySet()) {
                lines.computeIfAbsent(table.lineKey(key, axis), k -> new ArrayList<>()).add(key);
            }
            for (List<List<String>> members : lines.values()) {
                List<List<String>> secret = members.stream().filter(hidden::containsKey).toList();
                if (secret.isEmpty() || secret.size() == members.size()) {
                    continue;
                }
                assertThat(secret).as("a lone hidden cell in %s", members).hasSizeGreaterThanOrEqualTo(2);
                long value = 0;
                long largest = 0;
                int units = 0;
                for (List<String> key : secret) {
                    Aggregate c = table.cells().get(key);
                    value += c.value();
                    // Along the territory each collectivité is in one cell (exact union); along purposes it may be in
                    // several: at least the largest cell's collectivités, at most the sum of the largest contributions.
                    units = axis == 0 ? units + c.units() : Math.max(units, c.units());
                    largest = axis == 0 ? Math.max(largest, c.largest()) : largest + c.largest();
                }
                Aggregate union = new Aggregate(value, units, Math.min(largest, value));
                assertThat(RULES.primary(union, table.people())).as("hidden part of %s: %s", members, union).isEmpty();
            }
        }
    }

    @Property(tries = 200)
    void theSameTableIsProtectedTheSameWay(@ForAll("tables") Generated generated) {
        assertThat(new Protector(RULES).protect(generated.table())).isEqualTo(new Protector(RULES).protect(generated.table()));
    }
}
