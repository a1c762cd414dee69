package fr.observatoire.ia.sdk;

import fr.observatoire.ia.model.ActionKind;
import fr.observatoire.ia.model.IncidentCategory;
import fr.observatoire.ia.model.LossReason;
import fr.observatoire.ia.model.Service;
import fr.observatoire.ia.model.Severity;
import fr.observatoire.ia.sdk.testing.MutableClock;
import fr.observatoire.ia.sdk.testing.Sdks;
import fr.observatoire.ia.sdk.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The DPO reads the next declaration in French (or English), then checks the exact bytes that follow. */
class PreviewSummaryTest {
    @TempDir
    Path dataDir;

    @Test
    void the_summary_reads_in_french_and_in_english_and_ends_with_the_exact_bytes() {
        try (ObservatoireSdk sdk = Sdks.builder(dataDir, new MutableClock(TestData.WEDNESDAY), "http://127.0.0.1:9").build()) {
            sdk.declareInventory(TestData.inventory("redaction"));
            sdk.activity("redaction", Service.FINANCE, ActionKind.PROMPT).add(9);
            sdk.agentActive("redaction", "agent-1");
            sdk.incidents(IncidentCategory.FACTUAL_ERROR, Severity.S1).add(2);
            sdk.recordLoss(LossReason.SOURCE_FAILURE, "glpi", 1);
            DeclarationPreview preview = sdk.preview().orElseThrow();

            String french = preview.summary(Locale.FRENCH);
            assertThat(french).contains(
                    "Déclarant : Commune de Nice — Commune, SIREN 210600888, code INSEE 06088",
                    "Période : semaine du 10 mars 2025 au 16 mars 2025 inclus",
                    "Chaînage : première déclaration",
                    "Inventaire des usages (version 1, 1 usage(s))",
                    "- redaction : Usage redaction",
                    "    Hébergement : Cloud français ou européen",
                    "    Finalité : Rédaction",
                    "    Automatisation : Chaque production est validée par un agent",
                    "    AI Act : Risque minimal",
                    "Activité : 9 action(s) en 1 série(s)",
                    "- redaction · Finances · Requête à une IA : 9",
                    "- redaction : <3",
                    "- Erreur factuelle, hallucination dans un document administratif · S1 quasi-incident : 2",
                    "- Source en échec (glpi) : 1",
                    "Empreinte de la déclaration (SHA-256 des octets) : " + preview.hash());
            assertThat(french).endsWith(preview.payloadText() + "\n");

            String english = preview.summary(Locale.UK);
            assertThat(english).contains(
                    "Declarant: Commune de Nice — Municipality, SIREN 210600888, INSEE code 06088",
                    "Period: week from 10 March 2025 to 16 March 2025 inclusive",
                    "    Purpose: Drafting",
                    "- redaction · Finance · Prompt: 9",
                    "- Source failed (glpi): 1",
                    "Declaration hash (SHA-256 of the bytes): " + preview.hash());
            assertThat(english).endsWith(preview.payloadText() + "\n").doesNotContain("Période");
        }
    }
}
