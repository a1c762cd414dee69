package fr.observatoire.ia.loadgen;

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
import fr.observatoire.ia.model.DeclarantKind;
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
import fr.observatoire.ia.protocol.Hashes;
import fr.observatoire.ia.protocol.Ids;
import fr.observatoire.ia.protocol.jose.Jws;
import fr.observatoire.ia.protocol.jose.SigningKey;
import fr.observatoire.ia.protocol.json.ProtocolJson;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A collectivité of the benchmark (a syndicat with a random SIREN: outside the referential, so any SIREN
 * registers), its key, and its chain: each declaration it signs has the next sequence and the hash of the
 * previous one, as the SDK builds them. One thread owns each collectivité, so its chain arrives in order.
 */
final class SyntheticCollectivite {
    private static final AiUsage DRAFTING = new AiUsage("redaction-courriers", "Aide à la rédaction des courriers", null, "Le Chat Pro",
            "Mistral AI", null, Hosting.EU_CLOUD, Purpose.DRAFTING, List.of(Service.CIVIL_REGISTRY), Maturity.PILOT, Governance.SANCTIONED,
            List.of(DataCategory.INTERNAL), AutomationLevel.HUMAN_VALIDATES_EACH_OUTPUT, AiActAssessment.of(AiActRiskClass.MINIMAL),
            List.of(), List.of(), PublicationLevel.PUBLIC_REGISTER);
    private static final AiUsage TRANSCRIPTION = new AiUsage("transcription-conseils", "Transcription des conseils", null, "Whisper",
            "Régie", null, Hosting.ON_PREMISE, Purpose.TRANSCRIPTION, List.of(Service.COMMUNICATION), Maturity.PRODUCTION,
            Governance.SANCTIONED, List.of(DataCategory.PUBLIC), AutomationLevel.HUMAN_VALIDATES_EACH_OUTPUT,
            AiActAssessment.of(AiActRiskClass.MINIMAL), List.of(), List.of(), PublicationLevel.PUBLIC_REGISTER);

    private final Declarant declarant;
    private final SigningKey key = SigningKey.generate();
    private long sequence;
    private String previousHash;

    SyntheticCollectivite(String siren, int number) {
        this.declarant = new Declarant(DeclarantKind.SYNDICAT, siren, null, null, "Syndicat de charge " + number);
    }

    String siren() {
        return declarant.siren();
    }

    String name() {
        return declarant.name();
    }

    SigningKey key() {
        return key;
    }

    /** Signs the next declaration of the chain (a week each, issued now). */
    String nextSigned() {
        sequence++;
        Instant now = Instant.now();
        Period period = Period.containing(PeriodKind.WEEK, LocalDate.of(2020, 1, 6).plusWeeks(sequence));
        List<ActivityCount> activity = List.of(
                new ActivityCount("redaction-courriers", Service.CIVIL_REGISTRY, ActionKind.DOCUMENT_DRAFTED, 40 + sequence % 7),
                new ActivityCount("redaction-courriers", Service.CIVIL_REGISTRY, ActionKind.PROMPT, 120 + sequence % 13),
                new ActivityCount("transcription-conseils", Service.COMMUNICATION, ActionKind.TRANSCRIPTION, 2));
        Declaration declaration = new Declaration(Declaration.SCHEMA, Ids.uuidV7(now), sequence, previousHash, now, period, declarant,
                new Inventory(1, List.of(DRAFTING, TRANSCRIPTION)), activity,
                List.of(new ActiveAgents("redaction-courriers", AgentBand.FROM_3_TO_10)), Incidents.none(),
                new Provenance("observatoire-load-generator", "0.1.0", List.of(), List.of()));
        byte[] payload = ProtocolJson.write(declaration);
        previousHash = Hashes.declarationHash(payload);
        return Jws.sign(key, Jws.TYP_DECLARATION, payload);
    }
}
