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
import fr.observatoire.ia.model.IncidentCategory;
import fr.observatoire.ia.model.IncidentCount;
import fr.observatoire.ia.model.Incidents;
import fr.observatoire.ia.model.Inventory;
import fr.observatoire.ia.model.Maturity;
import fr.observatoire.ia.model.Obstacle;
import fr.observatoire.ia.model.Period;
import fr.observatoire.ia.model.Provenance;
import fr.observatoire.ia.model.PublicationLevel;
import fr.observatoire.ia.model.Purpose;
import fr.observatoire.ia.model.ReportedIncident;
import fr.observatoire.ia.model.Service;
import fr.observatoire.ia.model.Severity;
import fr.observatoire.ia.protocol.Ids;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Declarations with chosen usages, activity and incidents, built with the model records as the SDK builds them. */
public final class StatsDeclarations {
    private StatsDeclarations() {
    }

    /** One usage of an inventory and what it did during the period. */
    public record Usage(String id, Purpose purpose, Maturity maturity, Governance governance, Hosting hosting, AiActRiskClass risk,
                        PublicationLevel publication, List<Obstacle> obstacles, List<Service> services, AgentBand band,
                        long activity, ActionKind action) {

        public static Usage of(String id, Purpose purpose, Maturity maturity, Governance governance, PublicationLevel publication) {
            return new Usage(id, purpose, maturity, governance, Hosting.EU_CLOUD, AiActRiskClass.MINIMAL, publication, List.of(),
                    List.of(Service.COMMUNICATION), AgentBand.FROM_3_TO_10, 10, ActionKind.PROMPT);
        }

        public Usage risk(AiActRiskClass newRisk) {
            return new Usage(id, purpose, maturity, governance, hosting, newRisk, publication, obstacles, services, band, activity, action);
        }

        public Usage activity(long newActivity) {
            return new Usage(id, purpose, maturity, governance, hosting, risk, publication, obstacles, services, band, newActivity, action);
        }

        public Usage obstacles(List<Obstacle> newObstacles) {
            return new Usage(id, purpose, maturity, governance, hosting, risk, publication, newObstacles, services, band, activity, action);
        }

        AiUsage model() {
            AiActAssessment aiAct = risk == AiActRiskClass.HIGH
                    ? new AiActAssessment(risk, "5(a)", URI.create("https://ai-act.example.eu/db/" + id), null,
                    URI.create("https://collectivite.example.fr/fria/" + id))
                    : AiActAssessment.of(risk);
            return new AiUsage(id, "Usage " + id, "Description de l'usage " + id, "Outil", "Fournisseur", null, hosting, purpose,
                    services, maturity, governance, List.of(DataCategory.INTERNAL), AutomationLevel.HUMAN_VALIDATES_EACH_OUTPUT, aiAct,
                    obstacles, List.of(), publication);
        }
    }

    /** A count of incidents of one category and severity. */
    public record IncidentSpec(IncidentCategory category, Severity severity, long count) {
    }

    /** An incident reported individually during {@code period}, as a person at the collectivité approved it. */
    public static ReportedIncident reported(IncidentCategory category, Severity severity, Period period) {
        return new ReportedIncident(UUID.randomUUID(), null, category, severity, List.of(), period.start(), null,
                "Incident " + category.name().toLowerCase() + " signalé", null, period.end().atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    public static Declaration declaration(Declarant declarant, long sequence, String previousHash, Period period, Instant issuedAt,
                                          List<Usage> usages, List<IncidentSpec> incidents) {
        return declaration(declarant, sequence, previousHash, period, issuedAt, usages, incidents, List.of());
    }

    /** A declaration whose incidents are also {@code reported} one by one. */
    public static Declaration declaration(Declarant declarant, long sequence, String previousHash, Period period, Instant issuedAt,
                                          List<Usage> usages, List<IncidentSpec> incidents, List<ReportedIncident> reported) {
        List<AiUsage> inventory = new ArrayList<>();
        List<ActivityCount> activity = new ArrayList<>();
        List<ActiveAgents> agents = new ArrayList<>();
        for (Usage u : usages) {
            inventory.add(u.model());
            if (u.activity() > 0) {
                activity.add(new ActivityCount(u.id(), u.services().isEmpty() ? Service.OTHER : u.services().get(0), u.action(), u.activity()));
            }
            if (u.band() != null) {
                agents.add(new ActiveAgents(u.id(), u.band()));
            }
        }
        List<IncidentCount> counts = incidents.stream().filter(i -> i.count() > 0)
                .map(i -> new IncidentCount(i.category(), i.severity(), null, i.count())).toList();
        return new Declaration(Declaration.SCHEMA, Ids.uuidV7(issuedAt), sequence, previousHash, issuedAt, period, declarant,
                new Inventory(1, inventory), activity, agents, new Incidents(counts, reported),
                new Provenance("observatoire-server-tests", "0.1.0", List.of(), List.of()));
    }
}
