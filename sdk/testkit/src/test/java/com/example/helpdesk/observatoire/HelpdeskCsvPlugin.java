package com.example.helpdesk.observatoire;

import fr.observatoire.ia.model.ActionKind;
import fr.observatoire.ia.model.IncidentCategory;
import fr.observatoire.ia.model.LossCount;
import fr.observatoire.ia.model.LossReason;
import fr.observatoire.ia.model.Service;
import fr.observatoire.ia.model.Severity;
import fr.observatoire.ia.spi.PluginContext;
import fr.observatoire.ia.spi.PluginException;
import fr.observatoire.ia.spi.PullBatch;
import fr.observatoire.ia.spi.PullBatchBuilder;
import fr.observatoire.ia.spi.PullPlugin;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Counts the tickets of a helpdesk's CSV export that ask for an AI tool or report a problem with one. The example
 * of docs/plugin-guide.md, compiled and run against the conformance suite in the test kit's own tests.
 *
 * <p>The export is {@code id;category;service;requester;title}, one ticket a line, ids increasing. The plugin reads
 * the id (its cursor), the category and the service; the requester goes to the SDK as a local agent id, which the
 * SDK pseudonymises on arrival; the title is never read.
 */
public final class HelpdeskCsvPlugin implements PullPlugin {
    public static final String NAME = "helpdesk-csv";

    private Settings settings;
    private HttpClient http;

    /** The configuration, read once at start so that a mistake disables the plugin with a message naming the key. */
    record Settings(URI url, String usageId, String requestCategory, String incidentCategory, Optional<String> token,
                    Duration timeout) {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public void start(PluginContext context) throws PluginException {
        var config = context.config();
        URI url;
        try {
            url = URI.create(config.require("url"));
        } catch (IllegalArgumentException e) {
            throw new PluginException(key("url") + " is not a URL");
        }
        if (!"https".equals(url.getScheme()) && !"http".equals(url.getScheme())) {
            throw new PluginException(key("url") + " must be an http or https URL, such as https://helpdesk.example.fr/export.csv");
        }
        Duration timeout = config.duration("timeout").orElse(Duration.ofSeconds(30));
        if (timeout.isNegative() || timeout.isZero()) {
            throw new PluginException(key("timeout") + " must be a positive duration such as PT30S");
        }
        settings = new Settings(url, config.require("usage-id"),
                config.get("category.request").orElse("IA > Demande"),
                config.get("category.incident").orElse("IA > Incident"),
                config.get("token"), timeout);
        http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public PullBatch pull(Optional<String> cursor, PullProgress progress) throws PluginException {
        if (settings == null) {
            throw new PluginException("the " + NAME + " plugin was not started");
        }
        long after = lastCountedId(cursor);
        List<List<String>> rows = Csv.parse(download(), ';');
        Columns columns = Columns.of(rows.isEmpty() ? List.of() : rows.get(0));

        PullBatchBuilder batch = PullBatch.builder();
        long last = after;
        long malformed = 0;
        for (List<String> row : rows.subList(firstNewRow(rows, columns, after), rows.size())) {
            Optional<Long> id = columns.id(row);
            if (id.isEmpty()) {
                malformed++; // reported as a loss, so that the observatory knows the count is incomplete
                continue;
            }
            if (id.get() <= after) {
                continue;
            }
            batch.records(1);
            last = Math.max(last, id.get());
            String category = columns.category(row);
            Service service = columns.service(row);
            if (category.equals(settings.requestCategory())) {
                batch.activity(settings.usageId(), service, ActionKind.USAGE_REQUEST, 1);
                batch.agentActive(settings.usageId(), columns.requester(row)); // pseudonymised by the SDK on arrival
            } else if (category.equals(settings.incidentCategory())) {
                batch.incident(IncidentCategory.OTHER, Severity.S0, settings.usageId(), 1);
            }
        }
        if (malformed > 0) {
            batch.loss(new LossCount(LossReason.MALFORMED_INPUT, NAME, malformed));
        }
        return batch.cursor(Long.toString(last)).build();
    }

    /** The export, or a PluginException saying what to check; the body of an error is never quoted. */
    private String download() throws PluginException {
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.url()).timeout(settings.timeout()).GET();
        settings.token().ifPresent(token -> request.header("Authorization", "Bearer " + token));
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw PluginException.transientFailure("the helpdesk export at " + settings.url() + " cannot be read ("
                    + e.getClass().getSimpleName() + "); the next pull will try again", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw PluginException.transientFailure("interrupted while reading " + settings.url(), null);
        }
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            throw new PluginException("the helpdesk refused the export at " + settings.url() + " (HTTP " + status + "): check "
                    + key("token"));
        }
        if (status == 408 || status == 429 || status >= 500) {
            throw PluginException.transientFailure("the helpdesk at " + settings.url() + " answered HTTP " + status
                    + "; the next pull will try again", null);
        }
        String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (status != 200 || type.contains("html")) {
            throw new PluginException("the helpdesk answered HTTP " + status + " (" + type + ") instead of the CSV export: check "
                    + key("url") + " (a login page?)");
        }
        return response.body();
    }

    /**
     * The export lists tickets by increasing id, so the rows up to the last one at or below the cursor were read by
     * earlier pulls: an unreadable row among them was reported then, and must not be reported at every pull.
     */
    private static int firstNewRow(List<List<String>> rows, Columns columns, long after) {
        int start = Math.min(1, rows.size());
        for (int i = start; i < rows.size(); i++) {
            Optional<Long> id = columns.id(rows.get(i));
            if (id.isPresent() && id.get() <= after) {
                start = i + 1;
            }
        }
        return start;
    }

    private static long lastCountedId(Optional<String> cursor) throws PluginException {
        try {
            return cursor.map(Long::parseLong).orElse(0L);
        } catch (NumberFormatException e) {
            throw new PluginException("the saved cursor is not a ticket id written by this plugin; remove it to count again");
        }
    }

    static String key(String setting) {
        return "observatoire.plugins." + NAME + "." + setting;
    }

    /** Where the columns the plugin reads are; found by their header, so that the export may add others. */
    private record Columns(int id, int category, int service, int requester) {
        static Columns of(List<String> header) throws PluginException {
            return new Columns(index(header, "id"), index(header, "category"), index(header, "service"), index(header, "requester"));
        }

        private static int index(List<String> header, String name) throws PluginException {
            int index = header.indexOf(name);
            if (index < 0) {
                throw new PluginException("the export has no '" + name + "' column: check that " + key("url")
                        + " serves the CSV export (id;category;service;requester;...)");
            }
            return index;
        }

        Optional<Long> id(List<String> row) {
            try {
                return row.size() > id ? Optional.of(Long.parseLong(row.get(id).strip())) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }

        String category(List<String> row) {
            return row.size() > category ? row.get(category).strip() : "";
        }

        /** The service column holds the model's names (CIVIL_REGISTRY...); anything else is TRANSVERSAL. */
        Service service(List<String> row) {
            try {
                return row.size() > service ? Service.valueOf(row.get(service).strip().toUpperCase(Locale.ROOT)) : Service.TRANSVERSAL;
            } catch (IllegalArgumentException e) {
                return Service.TRANSVERSAL;
            }
        }

        String requester(List<String> row) {
            return row.size() > requester ? row.get(requester).strip() : null;
        }
    }
}
