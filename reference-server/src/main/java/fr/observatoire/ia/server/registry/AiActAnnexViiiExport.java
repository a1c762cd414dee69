package fr.observatoire.ia.server.registry;

import fr.observatoire.ia.model.AiActRiskClass;
import fr.observatoire.ia.model.AiUsage;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static fr.observatoire.ia.server.registry.Texts.fields;
import static fr.observatoire.ia.server.registry.Texts.missing;
import static fr.observatoire.ia.server.registry.Texts.url;

/**
 * What a public-authority deployer of a high-risk AI system registers in the EU database (AI Act art. 49(3) and
 * Annex VIII section C), for the usages a collectivité classed high-risk.
 */
@ApplicationScoped
public class AiActAnnexViiiExport implements RegisterExport {

    @Override
    public String id() {
        return "ai-act-annex-viii";
    }

    @Override
    public String standard() {
        return "Regulation (EU) 2024/1689, Annex VIII section C";
    }

    @Override
    public boolean covers(PublicUsage usage) {
        return usage.usage().aiAct().riskClass() == AiActRiskClass.HIGH;
    }

    @Override
    public Map<String, Object> record(PublicUsage p) {
        AiUsage u = p.usage();
        Map<String, Object> deployer = fields();
        deployer.put("name", p.organisation().name());
        deployer.put("address", null);
        deployer.put("contact_email", p.organisation().contactEmail());
        Map<String, Object> system = fields();
        system.put("name", u.name());
        system.put("annex_iii_point", u.aiAct().annexIiiPoint());
        system.put("provider", u.provider());
        system.put("tool", u.tool());
        Map<String, Object> r = fields();
        r.put("c1_deployer", deployer);
        r.put("c2_submitted_on_behalf_of_deployer_by", null);
        r.put("c3_eu_database_entry_url", url(u.aiAct().euDatabaseUrl()));
        r.put("c4_fundamental_rights_impact_assessment_summary_url", url(u.aiAct().friaSummaryUrl()));
        r.put("c5_data_protection_impact_assessment_summary_url", url(u.aiAct().dpiaSummaryUrl()));
        r.put("system", system);
        List<String> missing = new ArrayList<>(missing(deployer, "name", "address", "contact_email").stream()
                .map(f -> "c1_deployer." + f).toList());
        missing.addAll(missing(r, "c3_eu_database_entry_url", "c4_fundamental_rights_impact_assessment_summary_url",
                "c5_data_protection_impact_assessment_summary_url"));
        r.put("missing_required", missing);
        return r;
    }

    @Override
    public List<String> unmapped() {
        return List.of("c1_deployer.address", "c2_submitted_on_behalf_of_deployer_by");
    }
}
