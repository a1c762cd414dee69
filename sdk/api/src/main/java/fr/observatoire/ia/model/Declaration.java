package fr.observatoire.ia.model;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One collectivité, one period, signed: what leaves the collectivité. Every field here is on the
 * allow-list of docs/privacy.md; nothing else can leave because nothing else has a place to go.
 *
 * @param schema       schema identifier, {@value #SCHEMA}
 * @param id           UUIDv7 of this declaration
 * @param sequence     per-declarant sequence number, from 1, without gaps
 * @param previousHash {@code sha256:} and the lower-case hex SHA-256 of the previous declaration's
 *                     payload bytes, or null for the first one
 * @param issuedAt     when the declaration was built and signed
 * @param period       the period it covers
 * @param declarant    who declares
 * @param inventory    the register of AI usages at the end of the period
 * @param activity     activity counts per usage, service and kind of action
 * @param activeAgents distinct active agents per usage, as bands
 * @param incidents    incident counts and approved individual reports
 * @param provenance   software, sources and losses
 */
public record Declaration(String schema, UUID id, long sequence, String previousHash, Instant issuedAt, Period period,
                          Declarant declarant, Inventory inventory, List<ActivityCount> activity,
                          List<ActiveAgents> activeAgents, Incidents incidents, Provenance provenance) {
    public static final String SCHEMA = "https://observatoire-ia.fr/schema/declaration/v1";
    private static final Pattern HASH = Pattern.compile("sha256:[0-9a-f]{64}");

    public Declaration {
        if (!SCHEMA.equals(schema)) {
            throw new IllegalArgumentException("schema must be '" + SCHEMA + "', was '" + schema + "'");
        }
        Checks.required(id, "id");
        if (id.version() != 7) {
            throw new IllegalArgumentException("id must be a UUIDv7, " + id + " is version " + id.version());
        }
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1, was " + sequence);
        }
        if (sequence == 1 && previousHash != null) {
            throw new IllegalArgumentException("the first declaration (sequence 1) has no previousHash");
        }
        if (sequence > 1 && (previousHash == null || !HASH.matcher(previousHash).matches())) {
            throw new IllegalArgumentException("previousHash must be 'sha256:' and 64 lower-case hex digits when sequence > 1, was '"
                    + previousHash + "'");
        }
        Checks.required(issuedAt, "issuedAt");
        Checks.required(period, "period");
        Checks.required(declarant, "declarant");
        Checks.required(inventory, "inventory");
        activity = Checks.list(activity, "activity");
        activeAgents = Checks.list(activeAgents, "activeAgents");
        incidents = incidents == null ? Incidents.none() : incidents;
        Checks.required(provenance, "provenance");
        for (ActivityCount count : activity) {
            requireKnownUsage(inventory, count.usageId(), "activity");
        }
        for (ActiveAgents agents : activeAgents) {
            requireKnownUsage(inventory, agents.usageId(), "activeAgents");
        }
    }

    private static void requireKnownUsage(Inventory inventory, String usageId, String field) {
        if (inventory.usage(usageId).isEmpty()) {
            throw new IllegalArgumentException(field + " refers to usage '" + usageId + "', which is not in the inventory");
        }
    }
}
