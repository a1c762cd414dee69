package fr.observatoire.ia.sdk.internal.privacy;

import fr.observatoire.ia.model.ActiveAgents;
import fr.observatoire.ia.model.ActivityCount;
import fr.observatoire.ia.model.Declarant;
import fr.observatoire.ia.model.Declaration;
import fr.observatoire.ia.model.Incidents;
import fr.observatoire.ia.model.Inventory;
import fr.observatoire.ia.model.Period;
import fr.observatoire.ia.model.PeriodKind;
import fr.observatoire.ia.model.Provenance;
import fr.observatoire.ia.model.SourceReport;
import fr.observatoire.ia.model.SourceStatus;
import fr.observatoire.ia.protocol.Ids;
import fr.observatoire.ia.sdk.testing.TestData;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Declarations built by hand around the test inventory, for the filters' unit tests. */
final class Declarations {
    static final Instant ISSUED = Instant.parse("2025-03-17T08:00:00Z");

    private Declarations() {
    }

    static Declaration with(List<ActivityCount> activity) {
        return of(TestData.NICE, TestData.inventory("chatgpt", "lechat"), activity, List.of(), Incidents.none(),
                List.of(new SourceReport("api", "0.1.0", SourceStatus.OK, 10, null)));
    }

    static Declaration of(Declarant declarant, Inventory inventory, List<ActivityCount> activity, List<ActiveAgents> agents,
                          Incidents incidents, List<SourceReport> sources) {
        return new Declaration(Declaration.SCHEMA, Ids.uuidV7(ISSUED), 1, null, ISSUED,
                Period.containing(PeriodKind.WEEK, LocalDate.of(2025, 3, 12)), declarant, inventory, activity, agents, incidents,
                new Provenance("observatoire-sdk", "0.1.0", sources, List.of()));
    }
}
