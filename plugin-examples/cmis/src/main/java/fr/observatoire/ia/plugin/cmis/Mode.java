package fr.observatoire.ia.plugin.cmis;

import java.util.Optional;

/** Which API runs the query; folder lookups always use the browser binding. */
enum Mode {
    /** {@code GET <url>?cmisselector=query}: CMIS 1.1 browser binding, Alfresco and Nuxeo alike. */
    CMIS("cmis"),
    /** {@code POST .../search/versions/1/search} with {@code language: cmis}: Alfresco 5.2 and later. */
    ALFRESCO_SEARCH("alfresco-search");

    final String configName;

    Mode(String configName) {
        this.configName = configName;
    }

    static Optional<Mode> named(String name) {
        for (Mode mode : values()) {
            if (mode.configName.equalsIgnoreCase(name.trim())) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
