package fr.observatoire.ia.plugin.glpi;

/** The GLPI ticket field the severity of an AI incident is read from. */
enum SeverityField {
    PRIORITY(GlpiFields.PRIORITY, GlpiFields.V2_PRIORITY),
    URGENCY(GlpiFields.URGENCY, GlpiFields.V2_URGENCY),
    IMPACT(GlpiFields.IMPACT, GlpiFields.V2_IMPACT);

    private final int searchOption;
    private final String property;

    SeverityField(int searchOption, String property) {
        this.searchOption = searchOption;
        this.property = property;
    }

    /** Its search option id in the legacy API. */
    int searchOption() {
        return searchOption;
    }

    /** Its property name in the v2 API. */
    String property() {
        return property;
    }
}
