package fr.observatoire.ia.model;

import java.util.List;

/** Which software produced the declaration, which sources contributed, and what was lost on the way. */
public record Provenance(String sdkName, String sdkVersion, List<SourceReport> sources, List<LossCount> losses) {
    public Provenance {
        Checks.requiredText(sdkName, "provenance.sdkName", 64);
        Checks.requiredText(sdkVersion, "provenance.sdkVersion", 64);
        sources = Checks.list(sources, "provenance.sources");
        losses = Checks.list(losses, "provenance.losses");
    }
}
