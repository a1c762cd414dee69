package fr.observatoire.ia.plugin.glpi;

import fr.observatoire.ia.spi.PluginException;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One page of tickets and the total the query matches, checked against GLPI's paging header.
 *
 * @param rows  the page's tickets
 * @param total tickets matching the query, all pages together
 */
record TicketPage(List<TicketRow> rows, long total) {

    TicketPage {
        rows = List.copyOf(rows);
    }

    /**
     * Decodes the rows of an answer and takes the total from its {@code Content-Range}. A page the plugin cannot
     * place exactly in the result is refused, since counting it could count a ticket twice or miss one.
     *
     * @param bodyTotal the total the body states (legacy {@code totalcount}), if it states one
     */
    static TicketPage of(GlpiResponse response, TicketQuery query, List<Map<String, Scalar>> raw, Optional<Long> bodyTotal,
                         RowSchema schema, ZoneId zone) throws PluginException {
        long total = total(response, query, bodyTotal);
        List<TicketRow> rows = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            rows.add(schema.decode(raw.get(i), "row " + (i + 1) + " of " + query.describe() + ", " + response.where(), zone));
        }
        return new TicketPage(rows, total);
    }

    private static long total(GlpiResponse response, TicketQuery query, Optional<Long> bodyTotal) throws PluginException {
        Optional<String> header = response.header("Content-Range");
        if (header.isEmpty() && bodyTotal.filter(t -> t == 0).isPresent()) {
            return 0; // the legacy API sends no Content-Range for an empty result
        }
        Optional<ContentRange> range = header.flatMap(ContentRange::parse);
        boolean consistent = range.isPresent()
                && range.get().first() == query.start()
                && bodyTotal.map(t -> t == range.get().total()).orElse(true);
        if (!consistent) {
            throw new PluginException("GLPI's paging header Content-Range is " + (header.isEmpty() ? "missing" : "invalid")
                    + " in its answer to " + response.where() + " (" + query.describe() + "): the plugin cannot page safely"
                    + " without it; a proxy in front of GLPI may drop or rewrite it");
        }
        return range.get().total();
    }
}
