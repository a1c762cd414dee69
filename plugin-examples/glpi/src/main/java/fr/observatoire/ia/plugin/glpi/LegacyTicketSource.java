package fr.observatoire.ia.plugin.glpi;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import fr.observatoire.ia.spi.PluginException;

import java.io.IOException;
import java.net.URI;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * GLPI's legacy REST API ({@code apirest.php}, GLPI 9.5 to 11): a session opened with a user token, the search
 * engine for tickets, {@code killSession} at the end.
 */
final class LegacyTicketSource implements TicketSource {
    private static final String CREDENTIALS_HINT = "check '" + ConfigSyntax.PREFIX + GlpiSettings.USER_TOKEN
            + "' (GLPI: My settings > Remote access keys > API token), '" + ConfigSyntax.PREFIX + GlpiSettings.APP_TOKEN
            + "' (Setup > General > API > API clients) and that this API client accepts this host's address";
    private static final String SEARCH_HINT = "the API session was refused while reading tickets; check that the profile of the"
            + " account of '" + ConfigSyntax.PREFIX + GlpiSettings.USER_TOKEN + "' may see the tickets of every entity to count";
    /** GLPI's datetime format in search criteria, in its local time. */
    private static final DateTimeFormatter GLPI_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    private final URI api;
    private final Map<String, String> headers;
    private final GlpiHttp http;
    private final SeverityField severity;
    private final RowSchema schema;
    private final ZoneId zone;

    private LegacyTicketSource(URI api, Map<String, String> headers, GlpiHttp http, SeverityField severity, ZoneId zone) {
        this.api = api;
        this.headers = headers;
        this.http = http;
        this.severity = severity;
        this.schema = RowSchema.legacy(severity);
        this.zone = zone;
    }

    static LegacyTicketSource open(GlpiSettings settings, Credentials.UserToken credentials, GlpiHttp http) throws PluginException {
        URI api = settings.root().resolve(GlpiFields.LEGACY_API + "/");
        Map<String, String> login = baseHeaders(credentials.appToken());
        login.put("Authorization", "user_token " + credentials.userToken().value());
        GlpiResponse response = http.get(api.resolve("initSession"), login);
        byte[] body = GlpiHttp.loginJson(response, CREDENTIALS_HINT);
        String token = GlpiHttp.stringField(response, body, "session_token");
        Map<String, String> session = baseHeaders(credentials.appToken());
        session.put("Session-Token", token);
        return new LegacyTicketSource(api, session, http, settings.severity().field(), settings.zone());
    }

    private static Map<String, String> baseHeaders(Optional<Secret> appToken) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json"); // apirest.md asks for it on every call
        headers.put("Accept", "application/json");
        appToken.ifPresent(t -> headers.put("App-Token", t.value()));
        return headers;
    }

    @Override
    public TicketPage page(TicketQuery query) throws PluginException {
        GlpiResponse response = http.get(URI.create(api + "search/Ticket?" + searchQuery(query)), headers);
        byte[] body = GlpiHttp.json(response, SEARCH_HINT);
        List<Map<String, Scalar>> raw = new ArrayList<>();
        Scalar total = null;
        Scalar count = null;
        try (JsonParser parser = JsonRows.JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw RowSchema.unexpected(response.where(), "the answer is not a search result object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken token = parser.nextToken();
                switch (name) {
                    case "totalcount" -> total = Scalar.read(parser, token);
                    case "count" -> count = Scalar.read(parser, token);
                    case "data" -> readData(parser, token, raw, response);
                    default -> parser.skipChildren();
                }
            }
        } catch (IOException e) {
            throw GlpiHttp.malformed(response);
        }
        long totalCount = wholeNumber(total, "totalcount", response);
        if (count != null && wholeNumber(count, "count", response) != raw.size()) {
            throw RowSchema.unexpected(response.where(), "count says " + count.shown() + " but data holds " + raw.size() + " rows");
        }
        return TicketPage.of(response, query, raw, Optional.of(totalCount), schema, zone);
    }

    /**
     * The search: one category ({@code equals} is the category itself, not its children), opening date in the window
     * ({@code morethan} and {@code lessthan} are strict and GLPI dates have whole seconds, hence from - 1 s),
     * the columns the plugin needs only, ascending ids so that pages do not overlap.
     */
    String searchQuery(TicketQuery query) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("criteria[0][field]", String.valueOf(GlpiFields.CATEGORY));
        params.put("criteria[0][searchtype]", "equals");
        params.put("criteria[0][value]", String.valueOf(query.categoryId()));
        params.put("criteria[1][link]", "AND");
        params.put("criteria[1][field]", String.valueOf(GlpiFields.OPENING_DATE));
        params.put("criteria[1][searchtype]", "morethan");
        params.put("criteria[1][value]", GLPI_DATE.format(query.window().from().minusSeconds(1)));
        params.put("criteria[2][link]", "AND");
        params.put("criteria[2][field]", String.valueOf(GlpiFields.OPENING_DATE));
        params.put("criteria[2][searchtype]", "lessthan");
        params.put("criteria[2][value]", GLPI_DATE.format(query.window().to()));
        params.put("forcedisplay[0]", String.valueOf(GlpiFields.ID));
        params.put("forcedisplay[1]", String.valueOf(severity.searchOption()));
        params.put("forcedisplay[2]", String.valueOf(GlpiFields.ENTITY));
        params.put("sort", String.valueOf(GlpiFields.ID));
        params.put("order", "ASC");
        params.put("range", query.start() + "-" + (query.start() + query.limit() - 1));
        return GlpiHttp.query(params);
    }

    /** {@code data} is a list of rows, or an object of rows keyed by id with {@code withindexes}; absent when empty. */
    private void readData(JsonParser parser, JsonToken token, List<Map<String, Scalar>> raw, GlpiResponse response)
            throws IOException, PluginException {
        if (token == JsonToken.VALUE_NULL) {
            return;
        }
        if (token != JsonToken.START_ARRAY && token != JsonToken.START_OBJECT) {
            throw RowSchema.unexpected(response.where(), "data is not a list of rows");
        }
        JsonToken end = token == JsonToken.START_ARRAY ? JsonToken.END_ARRAY : JsonToken.END_OBJECT;
        for (JsonToken next = parser.nextToken(); next != end; next = parser.nextToken()) {
            if (next == JsonToken.FIELD_NAME) {
                continue; // a row's key in the withindexes form
            }
            if (next != JsonToken.START_OBJECT) {
                throw RowSchema.unexpected(response.where(), "data holds something else than ticket rows");
            }
            raw.add(JsonRows.readObject(parser, schema.wanted()));
        }
    }

    private static long wholeNumber(Scalar value, String field, GlpiResponse response) throws PluginException {
        if (value == null) {
            throw RowSchema.unexpected(response.where(), field + " is missing");
        }
        return value.wholeNumber().orElseThrow(() -> RowSchema.unexpected(response.where(),
                field + " is " + value.shown() + ", not a whole number"));
    }

    /** The session is killed even after a failure; if that fails too, GLPI expires it, so nothing is reported. */
    @Override
    public void close() {
        try {
            http.get(api.resolve("killSession"), headers);
        } catch (PluginException | RuntimeException e) {
            // The pull's own outcome matters; an unkilled session times out on GLPI's side.
        }
    }
}
