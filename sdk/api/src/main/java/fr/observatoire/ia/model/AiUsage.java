package fr.observatoire.ia.model;

import java.util.List;

/**
 * One AI usage of the collectivité's inventory: the register part of a declaration. Written by the
 * collectivité for publication, so its texts are chosen words, never collected data.
 *
 * @param id              stable local identifier (lower-case slug), the key activity counts refer to
 * @param name            short name (at most 100 characters, the Algoritmeregister limit)
 * @param description     short description (at most 400 characters)
 * @param tool            the tool or product used, e.g. "Le Chat", "Whisper"
 * @param provider        its provider, e.g. "Mistral AI"
 * @param modelFamily     model family where known, e.g. "Mistral Large"; may be null
 * @param hosting         where it runs
 * @param purpose         main purpose
 * @param services        services concerned
 * @param maturity        how far it has gone
 * @param governance      sanctioned, tolerated or shadow
 * @param dataCategories  categories of data it touches
 * @param automation      level of automation and human oversight
 * @param aiAct           AI Act assessment
 * @param obstacles       obstacles and resistances met
 * @param uncertainties   open questions, in the collectivité's words
 * @param publication     what the observatory may publish about it
 */
public record AiUsage(String id, String name, String description, String tool, String provider, String modelFamily,
                      Hosting hosting, Purpose purpose, List<Service> services, Maturity maturity, Governance governance,
                      List<DataCategory> dataCategories, AutomationLevel automation, AiActAssessment aiAct,
                      List<Obstacle> obstacles, List<String> uncertainties, PublicationLevel publication) {
    public AiUsage {
        Checks.usageId(id, "usage.id");
        Checks.requiredText(name, "usage.name", 100);
        Checks.optionalText(description, "usage.description", 400);
        Checks.optionalText(tool, "usage.tool", 100);
        Checks.optionalText(provider, "usage.provider", 100);
        Checks.optionalText(modelFamily, "usage.modelFamily", 100);
        Checks.required(hosting, "usage.hosting");
        Checks.required(purpose, "usage.purpose");
        services = Checks.list(services, "usage.services");
        Checks.required(maturity, "usage.maturity");
        Checks.required(governance, "usage.governance");
        dataCategories = Checks.list(dataCategories, "usage.dataCategories");
        Checks.required(automation, "usage.automation");
        Checks.required(aiAct, "usage.aiAct");
        obstacles = Checks.list(obstacles, "usage.obstacles");
        uncertainties = Checks.list(uncertainties, "usage.uncertainties");
        uncertainties.forEach(u -> Checks.optionalText(u, "usage.uncertainties[]", 400));
        Checks.required(publication, "usage.publication");
    }
}
