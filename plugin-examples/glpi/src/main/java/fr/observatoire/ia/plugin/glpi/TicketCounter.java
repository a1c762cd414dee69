package fr.observatoire.ia.plugin.glpi;

import fr.observatoire.ia.model.ActionKind;
import fr.observatoire.ia.model.IncidentCategory;
import fr.observatoire.ia.model.Severity;
import fr.observatoire.ia.spi.PluginException;
import fr.observatoire.ia.spi.PullBatch;
import fr.observatoire.ia.spi.PullBatchBuilder;
import fr.observatoire.ia.spi.PullPlugin.PullProgress;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * One pull: pages through the tickets of every configured category opened in the window, and turns each ticket,
 * once, into an incident count (category × severity) or a usage-request count (usage × service). Either the
 * whole window is read and the batch carries the cursor after it, or a {@link PluginException} is thrown and
 * nothing is counted.
 */
final class TicketCounter {
    private final GlpiSettings settings;
    private final PullProgress progress;

    TicketCounter(GlpiSettings settings, PullProgress progress) {
        this.settings = settings;
        this.progress = progress;
    }

    PullBatch count(TicketSource source, Window window) throws PluginException {
        PullBatchBuilder batch = PullBatch.builder();
        Set<Long> seen = new HashSet<>();
        for (int categoryId : settings.categories().ids()) {
            long total = -1;
            int start = 0;
            do {
                TicketQuery query = new TicketQuery(categoryId, window, start, settings.pageSize());
                TicketPage page = source.page(query);
                checkPlacement(query, page, total);
                total = page.total();
                for (TicketRow row : page.rows()) {
                    checkFilter(query, row);
                    // A ticket seen twice (pages shifted by a ticket moved meanwhile) is counted once; a trashed
                    // one, if GLPI returned it despite the filter, not at all.
                    if (seen.add(row.id()) && !row.deleted()) {
                        record(batch, categoryId, row);
                    }
                }
                report(seen.size());
                start += settings.pageSize();
            } while (start < total);
        }
        return batch.records(seen.size()).cursor(new OpeningCursor(window.to()).encode()).build();
    }

    /**
     * A page must continue the result it belongs to: the same total as the first page, rows while the total says
     * there are some, no more rows than asked. Otherwise tickets changed under the pull, which is retried later.
     */
    private static void checkPlacement(TicketQuery query, TicketPage page, long firstTotal) throws PluginException {
        if (page.rows().size() > query.limit()) {
            throw new PluginException("GLPI answered " + page.rows().size() + " tickets for " + query.describe()
                    + ", more than the " + query.limit() + " asked: the plugin cannot page safely");
        }
        if (firstTotal >= 0 && page.total() != firstTotal) {
            throw PluginException.transientFailure("the tickets of category " + query.categoryId() + " changed while the plugin was"
                    + " paging (" + firstTotal + " then " + page.total() + "); the pull will be retried", null);
        }
        if (page.rows().isEmpty() && query.start() < page.total()) {
            throw PluginException.transientFailure("GLPI answered an empty page for " + query.describe() + " although it counts "
                    + page.total() + " tickets; the pull will be retried", null);
        }
    }

    /** Where the API returns the category and date (v2), a ticket outside the filter means GLPI ignored it. */
    private void checkFilter(TicketQuery query, TicketRow row) throws PluginException {
        if (row.categoryId() != null && row.categoryId() != query.categoryId()) {
            throw new PluginException("GLPI returned ticket " + row.id() + " of category " + row.categoryId() + " when asked for category "
                    + query.categoryId() + ": it ignored the filter on '" + GlpiFields.V2_CATEGORY_ID + "', which this GLPI version"
                    + " may name otherwise (see README, GLPI versions)");
        }
        if (row.opened() != null && !query.window().contains(row.opened())) {
            throw new PluginException("GLPI returned ticket " + row.id() + " opened outside the window asked (" + query.window().from()
                    + " to " + query.window().to() + "): it ignored the filter on '" + GlpiFields.V2_OPENED + "', or '"
                    + ConfigSyntax.PREFIX + GlpiSettings.TIMEZONE + "' is not the zone GLPI writes its dates in");
        }
    }

    private void record(PullBatchBuilder batch, int categoryId, TicketRow row) throws PluginException {
        IncidentCategory incident = settings.categories().incidents().get(categoryId);
        if (incident != null) {
            batch.incident(incident, severity(row), null, 1);
        } else {
            String usage = settings.categories().usageRequests().get(categoryId);
            batch.activity(usage, settings.entities().serviceOf(row.entity()), ActionKind.USAGE_REQUEST, 1);
        }
    }

    private Severity severity(TicketRow row) throws PluginException {
        SeverityRule rule = settings.severity();
        return rule.severityOf(row.level()).orElseThrow(() -> new PluginException("ticket " + row.id() + " has "
                + rule.field().name().toLowerCase(Locale.ROOT) + " " + row.level() + ", which '" + ConfigSyntax.PREFIX
                + SeverityRule.MAP + "' does not map to a severity; GLPI's levels are " + SeverityRule.MIN_LEVEL + " to "
                + SeverityRule.MAX_LEVEL + ", so check that ticket in GLPI (a GLPI plugin or a database change may have"
                + " set it), or map the level, e.g. " + SeverityRule.MAP + "=" + row.level() + ":S2"));
    }

    /** Progress is for a display: a failing listener must not fail the pull. */
    private void report(long done) {
        try {
            progress.update(done, -1);
        } catch (RuntimeException e) {
            // ignored on purpose
        }
    }
}
