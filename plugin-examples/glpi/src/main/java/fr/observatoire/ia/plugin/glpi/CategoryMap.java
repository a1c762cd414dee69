package fr.observatoire.ia.plugin.glpi;

import fr.observatoire.ia.model.IncidentCategory;
import fr.observatoire.ia.spi.PluginConfig;
import fr.observatoire.ia.spi.PluginException;

import java.util.Collections;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Which GLPI ITIL categories the plugin reads, and what a ticket of each means: an AI incident of some
 * {@link IncidentCategory}, or a request for an AI usage of the inventory.
 *
 * @param incidents     category id to incident category
 * @param usageRequests category id to usage id
 */
record CategoryMap(Map<Integer, IncidentCategory> incidents, Map<Integer, String> usageRequests) {
    static final String INCIDENT = "categories.incident";
    static final String USAGE_REQUEST = "categories.usage-request";

    /** The usage id rule of the model ({@code AiUsage.id}), checked here so that a typo fails at start. */
    private static final Pattern USAGE_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    CategoryMap {
        incidents = Collections.unmodifiableMap(new TreeMap<>(incidents));
        usageRequests = Collections.unmodifiableMap(new TreeMap<>(usageRequests));
    }

    /** Every category id, ascending: pulls read them in this order so that the same data gives the same requests. */
    SortedSet<Integer> ids() {
        SortedSet<Integer> ids = new TreeSet<>(incidents.keySet());
        ids.addAll(usageRequests.keySet());
        return ids;
    }

    static CategoryMap from(PluginConfig config) throws PluginException {
        Map<Integer, IncidentCategory> incidents = read(config, INCIDENT,
                text -> ConfigSyntax.enumValue(IncidentCategory.class, INCIDENT, text));
        Map<Integer, String> usages = read(config, USAGE_REQUEST, CategoryMap::usageId);
        if (incidents.isEmpty() && usages.isEmpty()) {
            throw new PluginException("nothing to read: set '" + ConfigSyntax.PREFIX + INCIDENT + "' (e.g. 42:FACTUAL_ERROR) and/or '"
                    + ConfigSyntax.PREFIX + USAGE_REQUEST + "' (e.g. 57:redaction-courriers) to GLPI ITIL category ids");
        }
        for (Integer id : incidents.keySet()) {
            if (usages.containsKey(id)) {
                throw new PluginException("GLPI category " + id + " is in both '" + ConfigSyntax.PREFIX + INCIDENT + "' and '"
                        + ConfigSyntax.PREFIX + USAGE_REQUEST + "': a ticket must mean one thing");
            }
        }
        return new CategoryMap(incidents, usages);
    }

    private interface ValueParser<T> {
        T parse(String text) throws PluginException;
    }

    /**
     * Reads {@code setting} as {@code id:value} entries; a bare {@code id} takes its value from
     * {@code setting.id}, so both {@code categories.incident=42:FACTUAL_ERROR} and
     * {@code categories.incident=42} with {@code categories.incident.42=FACTUAL_ERROR} work.
     */
    private static <T> Map<Integer, T> read(PluginConfig config, String setting, ValueParser<T> parser) throws PluginException {
        Map<Integer, T> map = new TreeMap<>();
        String text = config.get(setting).orElse("");
        for (ConfigSyntax.Entry entry : ConfigSyntax.entries(setting, text, ConfigSyntax.COMMA_OR_SEMICOLON)) {
            int id = ConfigSyntax.intIn(setting, entry.key(), 1, Integer.MAX_VALUE);
            String value = entry.value() != null ? entry.value() : config.require(setting + "." + id);
            if (map.put(id, parser.parse(value)) != null) {
                throw new PluginException("'" + ConfigSyntax.PREFIX + setting + "' lists category " + id + " twice");
            }
        }
        return map;
    }

    private static String usageId(String text) throws PluginException {
        String id = text.trim();
        if (!USAGE_ID.matcher(id).matches()) {
            throw new PluginException("'" + ConfigSyntax.PREFIX + USAGE_REQUEST + "' maps to '" + id
                    + "', which is not a usage id of the inventory (lower-case letters, digits, '.', '_' or '-', at most 64)");
        }
        return id;
    }
}
