package fr.observatoire.ia.server.registry;

import fr.observatoire.ia.model.AiUsage;
import fr.observatoire.ia.model.AutomationLevel;
import fr.observatoire.ia.model.Purpose;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static fr.observatoire.ia.server.registry.Texts.fields;
import static fr.observatoire.ia.server.registry.Texts.missing;
import static fr.observatoire.ia.server.registry.Texts.url;

/**
 * The inventory of public algorithms of Etalab's guide, its fields grouped as administration, métier (business),
 * impact and technique. Flags the collectivités CRPA art. L312-1-3 can concern (3,500 inhabitants or more) and the
 * usages that may found individual decisions, which the collectivité must then describe.
 */
@ApplicationScoped
public class EtalabExport implements RegisterExport {

    @Override
    public String id() {
        return "etalab";
    }

    @Override
    public String standard() {
        return "Etalab, inventaire des algorithmes publics (guide 2021)";
    }

    @Override
    public Map<String, Object> record(PublicUsage p) {
        AiUsage u = p.usage();
        Map<String, Object> administration = fields();
        administration.put("organisme", p.organisation().name());
        administration.put("siren", p.organisation().siren());
        administration.put("code_insee", p.organisation().inseeCode());
        administration.put("nature", Texts.fr(p.organisation().kind()));
        administration.put("population", p.organisation().population());
        administration.put("contact", p.organisation().contactEmail());
        administration.put("concerne_par_crpa_l312_1_3", p.organisation().crpaL312_1_3());
        Map<String, Object> metier = fields();
        metier.put("nom", u.name());
        metier.put("description", u.description());
        metier.put("finalite", Texts.fr(u.purpose()));
        metier.put("services", Texts.fr(u.services()));
        metier.put("place_dans_la_decision", Texts.fr(u.automation()));
        metier.put("base_legale", null);
        metier.put("maturite", Texts.fr(u.maturity()));
        metier.put("encadrement", Texts.fr(u.governance()));
        Map<String, Object> impact = fields();
        impact.put("decisions_individuelles_possibles", individualDecisions(u));
        impact.put("nombre_de_decisions_par_an", null);
        impact.put("public_concerne", null);
        impact.put("classe_de_risque_ai_act", Texts.fr(u.aiAct().riskClass()));
        impact.put("point_annexe_iii", u.aiAct().annexIiiPoint());
        impact.put("synthese_aipd", url(u.aiAct().dpiaSummaryUrl()));
        impact.put("synthese_analyse_droits_fondamentaux", url(u.aiAct().friaSummaryUrl()));
        impact.put("incertitudes", u.uncertainties());
        Map<String, Object> technique = fields();
        technique.put("outil", u.tool());
        technique.put("fournisseur", u.provider());
        technique.put("famille_de_modele", u.modelFamily());
        technique.put("hebergement", Texts.fr(u.hosting()));
        technique.put("categories_de_donnees", Texts.fr(u.dataCategories()));
        Map<String, Object> r = fields();
        r.put("administration", administration);
        r.put("metier", metier);
        r.put("impact", impact);
        r.put("technique", technique);
        List<String> missing = new ArrayList<>(missing(administration, "organisme", "contact"));
        missing.addAll(missing(metier, "nom", "description", "finalite"));
        r.put("missing_required", missing);
        return r;
    }

    @Override
    public List<String> unmapped() {
        return List.of("metier.base_legale", "impact.nombre_de_decisions_par_an", "impact.public_concerne");
    }

    /** A usage that decides or prepares decisions on people's cases: the collectivité should check L312-1-3. */
    static boolean individualDecisions(AiUsage u) {
        return u.purpose() == Purpose.DECISION_SUPPORT || u.automation() == AutomationLevel.FULLY_AUTOMATED;
    }
}
