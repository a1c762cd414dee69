package fr.observatoire.ia.model;

/**
 * A source that contributed (or tried to) to the declaration: the SDK API itself, or a plugin.
 *
 * @param name    plugin or source name, e.g. {@code squid}
 * @param version its version
 * @param status  how it went over the period
 * @param records how many records it contributed
 * @param problem when not OK, what went wrong, in words a DSI can act on (no raw data)
 */
public record SourceReport(String name, String version, SourceStatus status, long records, String problem) {
    public SourceReport {
        Checks.requiredText(name, "provenance.sources.name", 64);
        Checks.optionalText(version, "provenance.sources.version", 64);
        Checks.required(status, "provenance.sources.status");
        Checks.nonNegative(records, "provenance.sources.records");
        Checks.optionalText(problem, "provenance.sources.problem", 500);
    }
}
