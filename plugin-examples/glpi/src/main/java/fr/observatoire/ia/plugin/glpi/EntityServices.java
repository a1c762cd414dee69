package fr.observatoire.ia.plugin.glpi;

import fr.observatoire.ia.model.Service;
import fr.observatoire.ia.spi.PluginConfig;
import fr.observatoire.ia.spi.PluginException;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Which service of the collectivité a GLPI entity is. GLPI gives a ticket's entity as its complete name
 * ("Entité racine > Ville > Urbanisme"); a ticket of a sub-entity takes the service of its nearest mapped
 * ancestor, so mapping a direction maps its offices too. Unmapped entities get the fallback service.
 *
 * @param byName   normalised complete entity name to service
 * @param fallback service of unmapped entities
 */
record EntityServices(Map<String, Service> byName, Service fallback) {
    static final String ENTITIES = "entities";
    static final String DEFAULT_SERVICE = "default-service";

    private static final String SEPARATOR = " > ";
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** Around the separator GLPI writes one space; people writing the setting may not. */
    private static final Pattern LOOSE_SEPARATOR = Pattern.compile("\\s*>\\s*");

    EntityServices {
        byName = Collections.unmodifiableMap(new TreeMap<>(byName));
    }

    Service serviceOf(String completeName) {
        String name = normalise(completeName);
        while (!name.isEmpty()) {
            Service service = byName.get(name);
            if (service != null) {
                return service;
            }
            int parent = name.lastIndexOf(SEPARATOR);
            name = parent < 0 ? "" : name.substring(0, parent);
        }
        return fallback;
    }

    static EntityServices from(PluginConfig config) throws PluginException {
        Service fallback = config.get(DEFAULT_SERVICE).isPresent()
                ? ConfigSyntax.enumValue(Service.class, DEFAULT_SERVICE, config.get(DEFAULT_SERVICE).get())
                : Service.TRANSVERSAL;
        Map<String, Service> map = new TreeMap<>();
        for (ConfigSyntax.Entry entry : ConfigSyntax.entries(ENTITIES, config.get(ENTITIES).orElse(""), ConfigSyntax.SEMICOLON)) {
            if (entry.value() == null) {
                throw new PluginException("'" + ConfigSyntax.PREFIX + ENTITIES + "' entry '" + entry.key()
                        + "' has no service: write complete entity name:SERVICE, e.g. Entité racine > Ville > Urbanisme:URBAN_PLANNING");
            }
            map.put(normalise(entry.key()), ConfigSyntax.enumValue(Service.class, ENTITIES, entry.value()));
        }
        return new EntityServices(map, fallback);
    }

    /**
     * Compares names as a person reads them: GLPI 9.5 and 10 store names HTML-encoded ("&#62;" for '>'),
     * GLPI 11 does not, and case or spacing differences are not meant.
     */
    static String normalise(String name) {
        if (name == null) {
            return "";
        }
        String decoded = name.replace("&#62;", ">").replace("&gt;", ">").replace("&#60;", "<").replace("&lt;", "<")
                .replace("&#039;", "'").replace("&#39;", "'").replace("&apos;", "'")
                .replace("&#34;", "\"").replace("&quot;", "\"").replace("&#38;", "&").replace("&amp;", "&");
        String spaced = LOOSE_SEPARATOR.matcher(decoded.trim()).replaceAll(SEPARATOR);
        return SPACES.matcher(spaced).replaceAll(" ").toLowerCase(Locale.ROOT);
    }
}
