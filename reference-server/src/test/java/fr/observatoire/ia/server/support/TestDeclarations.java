package fr.observatoire.ia.server.support;

import fr.observatoire.ia.model.ActionKind;
import fr.observatoire.ia.model.ActiveAgents;
import fr.observatoire.ia.model.ActivityCount;
import fr.observatoire.ia.model.AgentBand;
import fr.observatoire.ia.model.AiActAssessment;
import fr.observatoire.ia.model.AiActRiskClass;
import fr.observatoire.ia.model.AiUsage;
import fr.observatoire.ia.model.AutomationLevel;
import fr.observatoire.ia.model.DataCategory;
import fr.observatoire.ia.model.Declarant;
import fr.observatoire.ia.model.Declaration;
import fr.observatoire.ia.model.Governance;
import fr.observatoire.ia.model.Hosting;
import fr.observatoire.ia.model.Incidents;
import fr.observatoire.ia.model.Inventory;
import fr.observatoire.ia.model.Maturity;
import fr.observatoire.ia.model.Period;
import fr.observatoire.ia.model.PeriodKind;
import fr.observatoire.ia.model.Provenance;
import fr.observatoire.ia.model.PublicationLevel;
import fr.observatoire.ia.model.Purpose;
import fr.observatoire.ia.model.Service;
import fr.observatoire.ia.protocol.Ids;
import fr.observatoire.ia.protocol.jose.Jws;
import fr.observatoire.ia.protocol.jose.SigningKey;
import fr.observatoire.ia.protocol.json.ProtocolJson;
import fr.observatoire.ia.protocol.messages.Receipt;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Valid declarations built with the model records, as the SDK builds them. */
public final class TestDeclarations {
    /** Activity counts of {@link #declaration}: 42 + 100. */
    public static final long ACTIVITY_TOTAL = 142;

    private TestDeclarations() {
    }

    public static Declaration declaration(Declarant declarant, long sequence, String previousHash) {
        return declaration(declarant, sequence, previousHash, Instant.now());
    }

    /** The declaration that follows the one {@code previous} acknowledges. */
    public static Declaration next(Declarant declarant, Receipt previous) {
        return declaration(declarant, previous.sequence() + 1, previous.declarationHash());
    }

    public static Declaration declaration(Declarant declarant, long sequence, String previousHash, Instant issuedAt) {
        Period period = Period.containing(PeriodKind.WEEK, LocalDate.of(2026, 11, 2).plusWeeks(sequence));
        AiUsage drafting = new AiUsage("redaction-courriers", "Aide à la rédaction des courriers", null, "Le Chat Pro", "Mistral AI",
                null, Hosting.EU_CLOUD, Purpose.DRAFTING, List.of(Service.CIVIL_REGISTRY), Maturity.PILOT, Governance.SANCTIONED,
                List.of(DataCategory.INTERNAL), AutomationLevel.HUMAN_VALIDATES_EACH_OUTPUT, AiActAssessment.of(AiActRiskClass.MINIMAL),
                List.of(), List.of(), PublicationLevel.PUBLIC_REGISTER);
        List<ActivityCount> activity = List.of(
                new ActivityCount("redaction-courriers", Service.CIVIL_REGISTRY, ActionKind.DOCUMENT_DRAFTED, 42),
                new ActivityCount("redaction-courriers", Service.CIVIL_REGISTRY, ActionKind.PROMPT, 100));
        return new Declaration(Declaration.SCHEMA, Ids.uuidV7(issuedAt), sequence, previousHash, issuedAt, period, declarant,
                new Inventory(1, List.of(drafting)), activity, List.of(new ActiveAgents("redaction-courriers", AgentBand.FROM_3_TO_10)),
                Incidents.none(), new Provenance("observatoire-server-tests", "0.1.0", List.of(), List.of()));
    }

    public static Declaration first(Declarant declarant) {
        return declaration(declarant, 1, null);
    }

    public static byte[] payload(Declaration declaration) {
        return ProtocolJson.write(declaration);
    }

    /** Signed as the SDK signs: typ observatoire-declaration+jws, kid = the key's thumbprint. */
    public static String signed(SigningKey key, Declaration declaration) {
        return Jws.sign(key, Jws.TYP_DECLARATION, payload(declaration));
    }
}
