package fr.observatoire.ia.plugin.glpi;

import java.time.LocalDateTime;

/**
 * What the plugin keeps of one ticket, for the time of one page: nothing a person wrote or is named in.
 *
 * @param id         GLPI ticket id, to count each ticket once
 * @param level      the GLPI level (1-6) of the severity field
 * @param entity     the entity's complete name (an organisational unit), for the service
 * @param categoryId the ITIL category id when the API returns it (v2), else null
 * @param opened     the opening date when the API returns it (v2), else null
 * @param deleted    whether the ticket is in GLPI's trash (the legacy search never returns those)
 */
record TicketRow(long id, int level, String entity, Integer categoryId, LocalDateTime opened, boolean deleted) {
}
