package fr.observatoire.ia.sdk.internal.privacy;

import fr.observatoire.ia.model.ActionKind;
import fr.observatoire.ia.model.ActiveAgents;
import fr.observatoire.ia.model.ActivityCount;
import fr.observatoire.ia.model.AgentBand;
import fr.observatoire.ia.model.AiUsage;
import fr.observatoire.ia.model.Declarant;
import fr.observatoire.ia.model.DeclarantKind;
import fr.observatoire.ia.model.Declaration;
import fr.observatoire.ia.model.IncidentCategory;
import fr.observatoire.ia.model.IncidentCount;
import fr.observatoire.ia.model.Incidents;
import fr.observatoire.ia.model.Inventory;
import fr.observatoire.ia.model.LossCount;
import fr.observatoire.ia.model.LossReason;
import fr.observatoire.ia.model.ReportedIncident;
import fr.observatoire.ia.model.Service;
import fr.observatoire.ia.model.Severity;
import fr.observatoire.ia.model.SourceReport;
import fr.observatoire.ia.model.SourceStatus;
import fr.observatoire.ia.protocol.json.ProtocolJson;
import fr.observatoire.ia.sdk.testing.TestData;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class DeclarationGuardTest {
    private static final UUID CLEAN_INCIDENT = UUID.fromString("0195a1b2-0000-7000-8000-000000000001");
    private static final UUID LEAKY_INCIDENT = UUID.fromString("0195a1b2-0000-7000-8000-000000000002");

    @Test
    void a_clean_declaration_is_signed_as_proposed() {
        Declaration proposed = Declarations.with(List.of(new ActivityCount("chatgpt", Service.FINANCE, ActionKind.PROMPT, 4)));
        DeclarationGuard.Outcome outcome = DeclarationGuard.enforce(proposed);
        assertThat(outcome.withheldSomething()).isFalse();
        assertThat(outcome.declaration()).isSameAs(proposed);
    }

    @Test
    void records_carrying_personal_data_are_withheld_and_counted_and_the_report_says_where_not_what() {
        AiUsage phoneAsId = withText(TestData.usage("0612345678"), "Assistant");
        AiUsage ticketAsDescription = withText(TestData.usage("support"),
                "Ticket 4521 de marie.curie@ville-nice.fr : l'imprimante du 2e étage");
        Declaration proposed = Declarations.of(
                new Declarant(DeclarantKind.COMMUNE, TestData.SIREN, "06088", null, "Mairie, DPO 04 93 13 20 00"),
                new Inventory(2, List.of(TestData.usage("redaction"), phoneAsId, ticketAsDescription)),
                List.of(new ActivityCount("redaction", Service.FINANCE, ActionKind.PROMPT, 10),
                        new ActivityCount("support", Service.INFORMATION_SYSTEMS, ActionKind.SUMMARY, 7),
                        new ActivityCount("0612345678", Service.FINANCE, ActionKind.PROMPT, 3)),
                List.of(new ActiveAgents("redaction", AgentBand.FROM_3_TO_10), new ActiveAgents("support", AgentBand.FEWER_THAN_3)),
                new Incidents(List.of(new IncidentCount(IncidentCategory.FACTUAL_ERROR, Severity.S1, "support", 1),
                        new IncidentCount(IncidentCategory.FACTUAL_ERROR, Severity.S1, null, 2)),
                        List.of(incident(CLEAN_INCIDENT, "support", "Un délai de recours erroné, corrigé à la relecture."),
                                incident(LEAKY_INCIDENT, null, "M. Martin (NIR 1 85 05 78 006 084 91) a reçu une mauvaise réponse"))),
                List.of(new SourceReport("api", "0.1.0", SourceStatus.OK, 20, null),
                        new SourceReport("glpi", "1.0", SourceStatus.DEGRADED, 3, "GLPI at 10.12.0.5 answered 500")));

        DeclarationGuard.Outcome outcome = DeclarationGuard.enforce(proposed);
        Declaration signed = outcome.declaration();

        assertThat(signed.inventory().usages()).extracting(AiUsage::id).containsExactly("redaction");
        assertThat(signed.activity()).containsExactly(new ActivityCount("redaction", Service.FINANCE, ActionKind.PROMPT, 10));
        assertThat(signed.activeAgents()).containsExactly(new ActiveAgents("redaction", AgentBand.FROM_3_TO_10));
        assertThat(signed.incidents().counts()).containsExactly(new IncidentCount(IncidentCategory.FACTUAL_ERROR, Severity.S1, null, 3));
        assertThat(signed.incidents().reported()).singleElement().satisfies(kept -> {
            assertThat(kept.id()).isEqualTo(CLEAN_INCIDENT);
            assertThat(kept.usageId()).as("the withheld usage is not referred to").isNull();
        });
        assertThat(signed.declarant().name()).isNull();
        assertThat(signed.provenance().sources().get(1).problem()).isEqualTo(DeclarationGuard.WITHHELD_TEXT);
        // 2 usages + 10 actions of theirs + 1 incident + the declarant's name + 1 problem text
        assertThat(signed.provenance().losses()).containsExactly(new LossCount(LossReason.PRIVACY_FILTERED, "guard", 15));
        assertThat(DeclarationGuard.inspect(signed)).isEmpty();

        String payload = new String(ProtocolJson.write(signed), StandardCharsets.UTF_8);
        assertThat(payload).doesNotContain("0612345678", "marie.curie", "Ticket 4521", "04 93 13 20 00", "1 85 05 78",
                "Martin", "10.12.0.5");

        assertThat(outcome.findings()).extracting(DeclarationGuard.Finding::describe).containsExactlyInAnyOrder(
                "declarant, field name: French phone number",
                "usage #2 of the inventory, field id: French phone number",
                "usage #2 of the inventory, field name: French phone number",
                "usage 'support', field description: e-mail address",
                "reported incident " + LEAKY_INCIDENT + ", field summary: social security number (NIR)",
                "source #2, field problem: IPv4 address");
        assertThat(String.join(" ", outcome.findings().stream().map(DeclarationGuard.Finding::describe).toList()))
                .doesNotContain("0612345678", "marie.curie", "10.12.0.5");
    }

    private static AiUsage withText(AiUsage u, String description) {
        return new AiUsage(u.id(), u.name(), description, u.tool(), u.provider(), u.modelFamily(), u.hosting(), u.purpose(),
                u.services(), u.maturity(), u.governance(), u.dataCategories(), u.automation(), u.aiAct(), u.obstacles(),
                u.uncertainties(), u.publication());
    }

    private static ReportedIncident incident(UUID id, String usageId, String summary) {
        return new ReportedIncident(id, usageId, IncidentCategory.FACTUAL_ERROR, Severity.S1, List.of(),
                LocalDate.of(2025, 3, 11), null, summary, null, Declarations.ISSUED.minusSeconds(60));
    }
}
