package fr.observatoire.ia.server.registry;

import fr.observatoire.ia.model.AiUsage;
import fr.observatoire.ia.model.DeclarantKind;
import fr.observatoire.ia.server.referential.Departement;
import fr.observatoire.ia.server.referential.Referential;
import fr.observatoire.ia.server.referential.Region;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static fr.observatoire.ia.server.registry.Texts.fields;
import static fr.observatoire.ia.server.registry.Texts.missing;
import static fr.observatoire.ia.server.registry.Texts.url;

/**
 * The UK Algorithmic Transparency Recording Standard v4: tier 1 (for the general public) in full where the
 * declarations allow, and the parts of tier 2 they can fill. English labels for the closed values, the
 * collectivité's own French for its texts.
 */
@ApplicationScoped
public class AtrsExport implements RegisterExport {
    private final Referential referential;

    @Inject
    public AtrsExport(Referential referential) {
        this.referential = referential;
    }

    @Override
    public String id() {
        return "atrs";
    }

    @Override
    public String standard() {
        return "UK Algorithmic Transparency Recording Standard v4";
    }

    @Override
    public Map<String, Object> record(PublicUsage p) {
        AiUsage u = p.usage();
        Map<String, Object> tier1 = fields();
        tier1.put("name", u.name());
        tier1.put("description", u.description());
        tier1.put("website", null);
        tier1.put("contact_email", p.organisation().contactEmail());
        tier1.put("organisation", p.organisation().name());
        tier1.put("phase", Maturities.atrsPhase(u.maturity()));
        tier1.put("region", region(p.organisation()));

        Map<String, Object> owner = fields();
        owner.put("organisation", p.organisation().name());
        owner.put("contact_email", p.organisation().contactEmail());
        owner.put("third_party_supplier", u.provider());
        Map<String, Object> rationale = fields();
        rationale.put("detailed_description", u.description());
        rationale.put("scope", Texts.en(u.purpose()));
        rationale.put("services", Texts.en(u.services()));
        Map<String, Object> deployment = fields();
        deployment.put("integration_into_process", Texts.en(u.automation()));
        deployment.put("human_review", Texts.en(u.automation()));
        deployment.put("governance", Texts.en(u.governance()));
        Map<String, Object> specification = fields();
        specification.put("tool", u.tool());
        specification.put("model", u.modelFamily());
        specification.put("hosting", Texts.en(u.hosting()));
        specification.put("operational_data", Texts.en(u.dataCategories()));
        Map<String, Object> risks = fields();
        risks.put("risks", u.uncertainties());
        risks.put("obstacles", Texts.en(u.obstacles()));
        risks.put("ai_act_risk_class", Texts.en(u.aiAct().riskClass()));
        risks.put("impact_assessments", Stream.of(url(u.aiAct().dpiaSummaryUrl()), url(u.aiAct().friaSummaryUrl()))
                .filter(s -> s != null).toList());
        Map<String, Object> tier2 = fields();
        tier2.put("owner_and_responsibility", owner);
        tier2.put("description_and_rationale", rationale);
        tier2.put("deployment_context", deployment);
        tier2.put("tool_specification", specification);
        tier2.put("risks_and_mitigations", risks);

        Map<String, Object> r = fields();
        r.put("tier_1", tier1);
        r.put("tier_2", tier2);
        r.put("missing_required", missing(tier1, "name", "description", "contact_email", "organisation", "phase"));
        return r;
    }

    @Override
    public List<String> unmapped() {
        return List.of("tier_1.website", "tier_2.owner_and_responsibility.senior_responsible_owner",
                "tier_2.description_and_rationale.benefits", "tier_2.description_and_rationale.alternatives_considered",
                "tier_2.deployment_context.frequency_and_scale_of_usage", "tier_2.deployment_context.required_training",
                "tier_2.deployment_context.appeals_and_review", "tier_2.tool_specification.development_data");
    }

    /** ATRS asks for a region: the French région of the collectivité. */
    private String region(PublicUsage.Organisation o) {
        Optional<String> code = o.kind() == DeclarantKind.REGION ? Optional.ofNullable(o.inseeCode())
                : referential.departement(o.departement()).map(Departement::region);
        return code.flatMap(referential::region).map(Region::name).orElse("France");
    }
}
