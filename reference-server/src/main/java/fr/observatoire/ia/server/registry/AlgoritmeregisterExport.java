package fr.observatoire.ia.server.registry;

import fr.observatoire.ia.model.AiActRiskClass;
import fr.observatoire.ia.model.AiUsage;
import fr.observatoire.ia.model.AutomationLevel;
import fr.observatoire.ia.model.DataCategory;
import fr.observatoire.ia.model.Purpose;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static fr.observatoire.ia.server.registry.Texts.fields;
import static fr.observatoire.ia.server.registry.Texts.missing;
import static fr.observatoire.ia.server.registry.Texts.url;

/**
 * The Dutch Algoritmeregister publication standard 1.0. Required: name (at most 100 characters), short
 * description (at most 400), organisation, status, contact e-mail, language, category A high-risk AI system,
 * B impactful algorithm, C other. Texts stay in French, the language the collectivité wrote them in.
 */
@ApplicationScoped
public class AlgoritmeregisterExport implements RegisterExport {

    @Override
    public String id() {
        return "algoritmeregister";
    }

    @Override
    public String standard() {
        return "Algoritmeregister publicatiestandaard 1.0";
    }

    @Override
    public Map<String, Object> record(PublicUsage p) {
        AiUsage u = p.usage();
        Map<String, Object> r = fields();
        r.put("name", u.name());
        r.put("description_short", u.description());
        r.put("organization", p.organisation().name());
        r.put("category", category(u));
        r.put("status", Maturities.algoritmeregisterStatus(u.maturity()));
        r.put("contact_email", p.organisation().contactEmail());
        r.put("lang", "FRA");
        r.put("goal", Texts.fr(u.purpose()) + (u.services().isEmpty() ? "" : " : " + String.join(", ", Texts.fr(u.services()))));
        r.put("human_intervention", Texts.fr(u.automation()));
        r.put("risks", u.uncertainties().isEmpty() ? null : String.join(" ; ", u.uncertainties()));
        r.put("impact_assessments", Stream.of(url(u.aiAct().dpiaSummaryUrl()), url(u.aiAct().friaSummaryUrl()))
                .filter(s -> s != null).toList());
        r.put("source_data", Texts.fr(u.dataCategories()));
        r.put("methods_and_models", Stream.of(u.tool(), u.modelFamily()).filter(s -> s != null).toList());
        r.put("provider", u.provider());
        r.put("source_id", p.organisation().siren() + "/" + u.id());
        r.put("missing_required", missing(r, "name", "description_short", "organization", "category", "status", "contact_email", "lang"));
        return r;
    }

    @Override
    public List<String> unmapped() {
        return List.of("legal_basis", "proportionality", "source_code_url", "website");
    }

    /**
     * A: a high-risk (or prohibited) AI system. B: an impactful algorithm, which we read as one that touches personal
     * data and acts on people's cases or talks to them. C: the others. The collectivité's own classification wins
     * where it publishes in the Dutch register itself.
     */
    static String category(AiUsage u) {
        AiActRiskClass risk = u.aiAct().riskClass();
        if (risk == AiActRiskClass.HIGH || risk == AiActRiskClass.PROHIBITED) {
            return "A";
        }
        boolean personal = u.dataCategories().contains(DataCategory.PERSONAL) || u.dataCategories().contains(DataCategory.SENSITIVE);
        boolean actsOnPeople = u.purpose() == Purpose.DECISION_SUPPORT || u.purpose() == Purpose.CITIZEN_CHATBOT
                || u.automation() == AutomationLevel.FULLY_AUTOMATED;
        return personal && actsOnPeople ? "B" : "C";
    }
}
