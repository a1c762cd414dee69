package fr.observatoire.ia.server.support;

import fr.observatoire.ia.model.ActionKind;
import fr.observatoire.ia.model.AgentBand;
import fr.observatoire.ia.model.AiActRiskClass;
import fr.observatoire.ia.model.Declarant;
import fr.observatoire.ia.model.DeclarantKind;
import fr.observatoire.ia.model.Declaration;
import fr.observatoire.ia.model.Governance;
import fr.observatoire.ia.model.Hosting;
import fr.observatoire.ia.model.IncidentCategory;
import fr.observatoire.ia.model.Maturity;
import fr.observatoire.ia.model.Obstacle;
import fr.observatoire.ia.model.Period;
import fr.observatoire.ia.model.PeriodKind;
import fr.observatoire.ia.model.PublicationLevel;
import fr.observatoire.ia.model.Purpose;
import fr.observatoire.ia.model.Service;
import fr.observatoire.ia.model.Severity;
import fr.observatoire.ia.protocol.jose.SigningKey;
import fr.observatoire.ia.protocol.json.ProtocolJson;
import fr.observatoire.ia.protocol.messages.Receipt;
import fr.observatoire.ia.server.referential.Commune;
import fr.observatoire.ia.server.referential.Referential;
import io.restassured.response.Response;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small territory of the Alpes-Maritimes that declares through the real HTTP API, with real signatures: the
 * seeding helper of the statistics, register and dashboard tests. Seeded once per test run (the tests that use it
 * share one Quarkus application with its own database, {@link StatsProfile}).
 *
 * <ul>
 *   <li>6 communes of the CA de la Riviera Française: drafting in production (public), a shadow chatbot on trial
 *       (statistics only, obstacle cost), one factual error a month;</li>
 *   <li>4 communes of the CA du Pays de Grasse: drafting, and transcription by fewer than 3 agents each;</li>
 *   <li>1 commune of the CC du Pays des Paillons: drafting, and a high-risk decision support (Annex III 5(a));</li>
 *   <li>the Métropole Nice Côte d'Azur itself (an EPCI), whose activity dwarfs everyone's, the département, and a
 *       collège.</li>
 * </ul>
 * Each declares two weekly declarations: the last complete week, and the week five weeks before.
 */
public final class StatsTerritory {
    public static final String RIVIERA = "240600551";
    public static final String GRASSE = "200039857";
    public static final String PAILLONS = "240600593";
    public static final String METROPOLE = "200030195";
    public static final String DEPARTEMENT_SIREN = "220600019";
    public static final String COLLEGE_SIREN = "196000012";
    public static final String CONTACT = "numerique@paillons.example.fr";

    private static final Referential REFERENTIAL = Referential.loadDefault();
    private static Seeded seeded;

    /** What was seeded: the declarants by group, and every declaration sent. */
    public record Seeded(List<Commune> riviera, List<Commune> grasse, Commune paillons, List<Declaration> declarations) {
    }

    private StatsTerritory() {
    }

    public static synchronized Seeded seed() {
        if (seeded == null) {
            seeded = doSeed();
        }
        return seeded;
    }

    private static Seeded doSeed() {
        List<Commune> riviera = REFERENTIAL.members(RIVIERA).subList(0, 6);
        List<Commune> grasse = REFERENTIAL.members(GRASSE).subList(0, 4);
        Commune paillons = REFERENTIAL.members(PAILLONS).get(0);
        List<Declaration> sent = new ArrayList<>();
        StatsDeclarations.Usage drafting = new StatsDeclarations.Usage("redaction", Purpose.DRAFTING, Maturity.PRODUCTION,
                Governance.SANCTIONED, Hosting.EU_CLOUD, AiActRiskClass.MINIMAL, PublicationLevel.PUBLIC_REGISTER,
                List.of(), List.of(Service.CIVIL_REGISTRY), AgentBand.FROM_3_TO_10, 40,
                ActionKind.DOCUMENT_DRAFTED);
        StatsDeclarations.Usage chatbot = StatsDeclarations.Usage.of("chatbot-public", Purpose.CITIZEN_CHATBOT, Maturity.PILOT,
                Governance.SHADOW, PublicationLevel.STATISTICS_ONLY).obstacles(List.of(Obstacle.COST));
        StatsDeclarations.Usage transcription = new StatsDeclarations.Usage("transcription", Purpose.TRANSCRIPTION, Maturity.PILOT,
                Governance.TOLERATED, Hosting.ON_PREMISE, AiActRiskClass.MINIMAL, PublicationLevel.PUBLIC_REGISTER,
                List.of(Obstacle.SKILLS), List.of(Service.COUNCIL_AFFAIRS), AgentBand.FEWER_THAN_3, 5,
                ActionKind.TRANSCRIPTION);
        StatsDeclarations.Usage triage = StatsDeclarations.Usage.of("pre-instruction-aides", Purpose.DECISION_SUPPORT, Maturity.PRODUCTION,
                Governance.SANCTIONED, PublicationLevel.PUBLIC_REGISTER).risk(AiActRiskClass.HIGH);
        List<StatsDeclarations.IncidentSpec> oneError = List.of(new StatsDeclarations.IncidentSpec(IncidentCategory.FACTUAL_ERROR, Severity.S1, 1));

        for (Commune c : riviera) {
            sent.addAll(declare(commune(c), Map.of("siren", c.siren()), List.of(drafting, chatbot), oneError));
        }
        for (Commune c : grasse) {
            sent.addAll(declare(commune(c), Map.of("siren", c.siren()), List.of(drafting, transcription), List.of()));
        }
        sent.addAll(declare(commune(paillons), Map.of("siren", paillons.siren(), "contactEmail", CONTACT), List.of(drafting, triage), List.of()));
        sent.addAll(declare(new Declarant(DeclarantKind.EPCI, METROPOLE, null, null, "Métropole Nice Côte d'Azur"),
                Map.of("siren", METROPOLE, "kind", "EPCI"), List.of(drafting.activity(100_000)), List.of()));
        sent.addAll(declare(new Declarant(DeclarantKind.DEPARTEMENT, DEPARTEMENT_SIREN, "06", null, "Alpes-Maritimes"),
                Map.of("siren", DEPARTEMENT_SIREN, "kind", "DEPARTEMENT", "inseeCode", "06"), List.of(drafting), List.of()));
        sent.addAll(declare(new Declarant(DeclarantKind.ETABLISSEMENT_SCOLAIRE, COLLEGE_SIREN, null, "0061234J", "Collège Les Vallées"),
                Map.of("siren", COLLEGE_SIREN, "kind", "ETABLISSEMENT_SCOLAIRE", "uai", "0061234J", "name", "Collège Les Vallées",
                        "departement", "06"), List.of(drafting), List.of()));
        return new Seeded(riviera, grasse, paillons, List.copyOf(sent));
    }

    private static Declarant commune(Commune c) {
        return new Declarant(DeclarantKind.COMMUNE, c.siren(), c.insee(), null, c.name());
    }

    /** Registers the declarant (by what the referential does not know), enrols a key, sends two chained declarations. */
    private static List<Declaration> declare(Declarant declarant, Map<String, Object> registration, List<StatsDeclarations.Usage> usages,
                                             List<StatsDeclarations.IncidentSpec> incidents) {
        Map<String, Object> body = new LinkedHashMap<>(registration);
        body.putIfAbsent("kind", "COMMUNE");
        Response registered = ObservatoireClient.register(body);
        assertThat(registered.statusCode()).as(registered.asString()).isEqualTo(201);
        SigningKey key = SigningKey.generate();
        Response enrolled = ObservatoireClient.enrol(ObservatoireClient.enrolmentJws(key, declarant.siren(),
                registered.jsonPath().getString("enrolmentCode")));
        assertThat(enrolled.statusCode()).as(enrolled.asString()).isEqualTo(201);
        List<Declaration> sent = new ArrayList<>();
        Receipt previous = null;
        for (LocalDate monday : mondays()) {
            Declaration d = StatsDeclarations.declaration(declarant, previous == null ? 1 : previous.sequence() + 1,
                    previous == null ? null : previous.declarationHash(), Period.containing(PeriodKind.WEEK, monday), Instant.now(),
                    usages, incidents);
            Response response = ObservatoireClient.submit(TestDeclarations.signed(key, d));
            assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
            try {
                previous = ProtocolJson.read(response.asByteArray(), Receipt.class);
            } catch (Exception e) {
                throw new AssertionError("unreadable receipt " + response.asString(), e);
            }
            sent.add(d);
        }
        return sent;
    }

    /** The Monday of the last complete week (Paris time), and the one five weeks before: two past weeks. */
    public static List<LocalDate> mondays() {
        LocalDate latest = latestMonday();
        return List.of(latest.minusWeeks(5), latest);
    }

    /**
     * The Monday of the last complete week: its month holds the latest declarations of every declarant. In the first
     * days of January, the current week instead, so that the dashboard's "current year" has data to show.
     */
    public static LocalDate latestMonday() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        LocalDate thisWeek = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate lastWeek = thisWeek.minusWeeks(1);
        return lastWeek.getYear() == today.getYear() ? lastWeek : thisWeek;
    }
}
