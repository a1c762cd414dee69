package fr.observatoire.ia.plugin.glpi;

import fr.observatoire.ia.model.Severity;
import fr.observatoire.ia.spi.PluginConfig;
import fr.observatoire.ia.spi.PluginException;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How a ticket's GLPI level (1 very low .. 5 very high, 6 major for the priority) becomes an incident
 * {@link Severity}. The default reads the priority, which GLPI computes from urgency and impact:
 * 1-2 → S0 issue, 3 → S1 near miss, 4 → S2 harm, 5 → S3 serious incident, 6 (major) → S4 widespread.
 * It is a convention, not a fact GLPI states: a collectivité whose helpdesk uses the levels otherwise
 * overrides it with {@code severity.map}.
 *
 * @param field   the ticket field read
 * @param byLevel GLPI level to severity
 */
record SeverityRule(SeverityField field, Map<Integer, Severity> byLevel) {
    static final String FIELD = "severity.field";
    static final String MAP = "severity.map";
    /** GLPI's own levels. */
    static final int MIN_LEVEL = 1;
    static final int MAX_LEVEL = 6;
    /** A GLPI altered by a plugin or by hand may hold other levels; the map accepts them, so they can be mapped. */
    static final int MAX_MAPPED_LEVEL = 99;

    static final Map<Integer, Severity> DEFAULT_MAP = Map.of(
            1, Severity.S0, 2, Severity.S0, 3, Severity.S1, 4, Severity.S2, 5, Severity.S3, 6, Severity.S4);

    SeverityRule {
        byLevel = Collections.unmodifiableMap(new TreeMap<>(byLevel));
    }

    static SeverityRule defaults() {
        return new SeverityRule(SeverityField.PRIORITY, DEFAULT_MAP);
    }

    Optional<Severity> severityOf(int level) {
        return Optional.ofNullable(byLevel.get(level));
    }

    /** {@code severity.field} (default priority) and {@code severity.map} entries overriding the default levels. */
    static SeverityRule from(PluginConfig config) throws PluginException {
        SeverityField field = config.get(FIELD).isPresent()
                ? ConfigSyntax.enumValue(SeverityField.class, FIELD, config.get(FIELD).get())
                : SeverityField.PRIORITY;
        Map<Integer, Severity> map = new TreeMap<>(DEFAULT_MAP);
        for (ConfigSyntax.Entry entry : ConfigSyntax.entries(MAP, config.get(MAP).orElse(""), ConfigSyntax.COMMA_OR_SEMICOLON)) {
            if (entry.value() == null) {
                throw new PluginException("'" + ConfigSyntax.PREFIX + MAP + "' entry '" + entry.key()
                        + "' has no severity: write level:severity, e.g. 5:S2");
            }
            map.put(ConfigSyntax.intIn(MAP, entry.key(), 0, MAX_MAPPED_LEVEL),
                    ConfigSyntax.enumValue(Severity.class, MAP, entry.value()));
        }
        return new SeverityRule(field, map);
    }
}
