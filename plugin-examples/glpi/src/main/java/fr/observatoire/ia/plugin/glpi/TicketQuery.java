package fr.observatoire.ia.plugin.glpi;

/**
 * One page of the tickets of one ITIL category opened in a window, in ascending id order.
 *
 * @param categoryId GLPI ITIL category id
 * @param window     opening dates counted
 * @param start      index of the first ticket of the page
 * @param limit      page size
 */
record TicketQuery(int categoryId, Window window, int start, int limit) {

    /** "category 42, tickets 50-99", for messages. */
    String describe() {
        return "category " + categoryId + ", tickets " + start + "-" + (start + limit - 1);
    }
}
