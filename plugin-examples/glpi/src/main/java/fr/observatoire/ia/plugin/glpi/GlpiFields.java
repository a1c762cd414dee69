package fr.observatoire.ia.plugin.glpi;

/**
 * Every GLPI path, field id and property name the plugin uses, in one place: a GLPI version that renames one is
 * a one-line change here. The plugin asks for these fields only; GLPI's ticket title, text and actors are never
 * requested (see README, "What leaves").
 */
final class GlpiFields {
    // Legacy API (GLPI 9.5, 10, 11: apirest.php), search options of Ticket (apirest.php/listSearchOptions/Ticket).
    static final String LEGACY_API = "apirest.php";
    static final int ID = 2;
    static final int PRIORITY = 3;
    static final int CATEGORY = 7;
    static final int URGENCY = 10;
    static final int IMPACT = 11;
    static final int OPENING_DATE = 15;
    static final int ENTITY = 80;

    // v2 API (GLPI 11: api.php), properties of the Assistance/Ticket schema in RSQL dot notation.
    static final String V2_TOKEN = "api.php/token";
    static final String V2_TICKETS = "api.php/v2/Assistance/Ticket";
    static final String V2_SCOPE = "api";
    static final String V2_ID = "id";
    static final String V2_CATEGORY_ID = "category.id";
    static final String V2_ENTITY = "entity.completename";
    static final String V2_OPENED = "date";
    /** Unlike the legacy search, the v2 API returns tickets in GLPI's trash unless told not to. */
    static final String V2_DELETED = "is_deleted";
    static final String V2_PRIORITY = "priority";
    static final String V2_URGENCY = "urgency";
    static final String V2_IMPACT = "impact";

    private GlpiFields() {
    }
}
