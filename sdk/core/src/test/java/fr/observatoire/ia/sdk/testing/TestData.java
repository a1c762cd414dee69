package fr.observatoire.ia.sdk.testing;

import fr.observatoire.ia.model.AiActAssessment;
import fr.observatoire.ia.model.AiActRiskClass;
import fr.observatoire.ia.model.AiUsage;
import fr.observatoire.ia.model.AutomationLevel;
import fr.observatoire.ia.model.DataCategory;
import fr.observatoire.ia.model.Declarant;
import fr.observatoire.ia.model.DeclarantKind;
import fr.observatoire.ia.model.Governance;
import fr.observatoire.ia.model.Hosting;
import fr.observatoire.ia.model.Inventory;
import fr.observatoire.ia.model.Maturity;
import fr.observatoire.ia.model.PublicationLevel;
import fr.observatoire.ia.model.Purpose;
import fr.observatoire.ia.model.Service;

import java.time.Instant;
import java.util.List;

/** A real collectivité (Nice, 06088) and a small inventory. */
public final class TestData {
    public static final String SIREN = "210600888";
    public static final Declarant NICE = new Declarant(DeclarantKind.COMMUNE, SIREN, "06088", null, "Commune de Nice");
    /** A Wednesday, 10:00 in Paris. */
    public static final Instant WEDNESDAY = Instant.parse("2025-03-12T09:00:00Z");

    private TestData() {
    }

    public static AiUsage usage(String id) {
        return new AiUsage(id, "Usage " + id, "Rédaction assistée de courriers", "Le Chat", "Mistral AI", "Mistral Large",
                Hosting.EU_CLOUD, Purpose.DRAFTING, List.of(Service.CIVIL_REGISTRY), Maturity.PILOT, Governance.SANCTIONED,
                List.of(DataCategory.INTERNAL), AutomationLevel.HUMAN_VALIDATES_EACH_OUTPUT, AiActAssessment.of(AiActRiskClass.MINIMAL),
                List.of(), List.of(), PublicationLevel.PUBLIC_REGISTER);
    }

    public static Inventory inventory(String... usageIds) {
        return new Inventory(1, java.util.Arrays.stream(usageIds).map(TestData::usage).toList());
    }
}
