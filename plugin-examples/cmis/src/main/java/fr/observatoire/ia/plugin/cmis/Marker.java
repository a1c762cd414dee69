package fr.observatoire.ia.plugin.cmis;

import fr.observatoire.ia.spi.PluginConfig;
import fr.observatoire.ia.spi.PluginException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static fr.observatoire.ia.plugin.cmis.CmisSettings.key;

/**
 * How the repository marks a document as produced or assisted by AI: a document type, a property with a value,
 * a secondary type (Alfresco aspect), or several of them (all must hold). Rendered into QL here, from checked
 * identifiers and escaped literals only.
 *
 * @param type        the type queried ({@code FROM}); {@code cmis:document} unless {@code marker.type} is set
 * @param property    the property compared, or null
 * @param literal     the QL literal {@code property} must equal, or null
 * @param aspect      the secondary type the document must have, or null
 * @param aspectQuery how the aspect is queried
 */
record Marker(String type, String property, String literal, String aspect, AspectQuery aspectQuery) {

    /** The two ways repositories let a query test a secondary type. */
    enum AspectQuery {
        /** {@code JOIN P:x AS m ON d.cmis:objectId = m.cmis:objectId}: what Alfresco requires. */
        JOIN("join"),
        /** {@code ANY cmis:secondaryObjectTypeIds IN ('P:x')}: CMIS 1.1, for repositories that support it. */
        SECONDARY_TYPE_IDS("secondary-type-ids");

        final String configName;

        AspectQuery(String configName) {
            this.configName = configName;
        }
    }

    static Marker read(PluginConfig config) throws PluginException {
        Optional<String> type = config.get("marker.type").map(String::trim);
        Optional<String> property = config.get("marker.property").map(String::trim);
        Optional<String> value = config.get("marker.value");
        Optional<String> aspect = config.get("marker.aspect").map(String::trim);
        if (type.isEmpty() && property.isEmpty() && aspect.isEmpty()) {
            throw new PluginException("no AI marker is configured, so every document would count: set " + key("marker.property")
                    + " and " + key("marker.value") + " (e.g. ia:generated and true), " + key("marker.aspect")
                    + " (e.g. P:ia:assisted) or " + key("marker.type") + " (e.g. D:ia:document)");
        }
        if (property.isPresent() != value.isPresent()) {
            throw new PluginException(key("marker.property") + " and " + key("marker.value") + " go together: set both or neither");
        }
        String literal = property.isPresent() ? valueLiteral(config, value.get()) : null;
        AspectQuery aspectQuery = aspectQuery(config);
        return new Marker(identifier("marker.type", type.orElse("cmis:document")), property.isPresent() ? identifier("marker.property", property.get()) : null,
                literal, aspect.isPresent() ? identifier("marker.aspect", aspect.get()) : null, aspectQuery);
    }

    private static String identifier(String setting, String name) throws PluginException {
        if (!CmisQl.isIdentifier(name)) {
            throw new PluginException(key(setting) + " must be a CMIS query name (letters, digits, '_', ':', '.'; no spaces or hyphens), was '" + name + "'");
        }
        return name;
    }

    private static String valueLiteral(PluginConfig config, String value) throws PluginException {
        if (value.chars().anyMatch(Character::isISOControl) || hasLoneSurrogate(value)) {
            throw new PluginException(key("marker.value") + " contains a control character or broken Unicode: it could not be sent in a query");
        }
        Optional<String> typeName = config.get("marker.value-type");
        ValueType type;
        if (typeName.isPresent()) {
            type = ValueType.named(typeName.get()).orElseThrow(() -> new PluginException(
                    key("marker.value-type") + " must be string, boolean or number, was '" + typeName.get() + "'"));
        } else {
            type = ValueType.guess(value);
        }
        return type.literal(value).orElseThrow(() -> new PluginException(
                key("marker.value") + " is not a " + type.name().toLowerCase(Locale.ROOT) + " as " + key("marker.value-type") + " says"));
    }

    private static boolean hasLoneSurrogate(String value) {
        return value.codePoints().anyMatch(cp -> cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE);
    }

    private static AspectQuery aspectQuery(PluginConfig config) throws PluginException {
        Optional<String> name = config.get("marker.aspect-query").map(String::trim);
        if (name.isEmpty()) {
            return AspectQuery.JOIN;
        }
        for (AspectQuery query : AspectQuery.values()) {
            if (query.configName.equalsIgnoreCase(name.get())) {
                return query;
            }
        }
        throw new PluginException(key("marker.aspect-query") + " must be join or secondary-type-ids, was '" + name.get() + "'");
    }

    /** Whether the query joins the aspect's table, which makes every column name need its table's alias. */
    boolean joined() {
        return aspect != null && aspectQuery == AspectQuery.JOIN;
    }

    /** A column of the document table, qualified when the query joins. */
    String documentColumn(String queryName) {
        return joined() ? "d." + queryName : queryName;
    }

    String fromClause() {
        return joined() ? type + " AS d JOIN " + aspect + " AS m ON d.cmis:objectId = m.cmis:objectId" : type;
    }

    /** The conditions every document counted must meet. */
    List<String> conditions() {
        List<String> conditions = new ArrayList<>(2);
        if (property != null) {
            // Behind a join, the marker property is taken to belong to the aspect (how Alfresco models add metadata).
            conditions.add((joined() ? "m." : "") + property + " = " + literal);
        }
        if (aspect != null && !joined()) {
            conditions.add("ANY cmis:secondaryObjectTypeIds IN (" + CmisQl.literal(aspect) + ")");
        }
        return conditions;
    }

    /** The documents anywhere below a folder; a join needs the table named. */
    String inTree(String folderId) {
        return joined() ? "IN_TREE(d, " + CmisQl.literal(folderId) + ")" : "IN_TREE(" + CmisQl.literal(folderId) + ")";
    }
}
