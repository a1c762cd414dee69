package fr.observatoire.ia.plugin.glpi;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import fr.observatoire.ia.spi.PluginException;

import java.io.IOException;
import java.net.URI;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * GLPI 11's v2 API ({@code api.php}): an OAuth2 access token (password grant, scope {@code api}), then
 * {@code v2/Assistance/Ticket} filtered in RSQL and paged with {@code start}/{@code limit} and {@code Content-Range}.
 */
final class V2TicketSource implements TicketSource {
    private static final String CREDENTIALS_HINT = "check '" + ConfigSyntax.PREFIX + GlpiSettings.CLIENT_ID + "' and '"
            + ConfigSyntax.PREFIX + GlpiSettings.CLIENT_SECRET + "' (GLPI: Setup > OAuth clients; the client needs the"
            + " Password grant and the 'api' scope), '" + ConfigSyntax.PREFIX + GlpiSettings.USERNAME + "' and '"
            + ConfigSyntax.PREFIX + GlpiSettings.PASSWORD + "'";
    private static final String SEARCH_HINT = "the access token was refused while reading tickets; check that the OAuth client has the"
            + " 'api' scope and that the profile of the account of '" + ConfigSyntax.PREFIX + GlpiSettings.USERNAME
            + "' may see the tickets of every entity to count";

    private final URI tickets;
    private final Map<String, String> headers;
    private final GlpiHttp http;
    private final RowSchema schema;
    private final ZoneId zone;

    private V2TicketSource(URI tickets, Map<String, String> headers, GlpiHttp http, RowSchema schema, ZoneId zone) {
        this.tickets = tickets;
        this.headers = headers;
        this.http = http;
        this.schema = schema;
        this.zone = zone;
    }

    static V2TicketSource open(GlpiSettings settings, Credentials.OAuthPassword credentials, GlpiHttp http) throws PluginException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", credentials.clientId());
        form.put("client_secret", credentials.clientSecret().value());
        form.put("username", credentials.username());
        form.put("password", credentials.password().value());
        form.put("scope", GlpiFields.V2_SCOPE);
        GlpiResponse response = http.postForm(settings.root().resolve(GlpiFields.V2_TOKEN), form);
        byte[] body = GlpiHttp.loginJson(response, CREDENTIALS_HINT);
        String token = GlpiHttp.stringField(response, body, "access_token");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + token);
        headers.put("Accept", "application/json");
        return new V2TicketSource(settings.root().resolve(GlpiFields.V2_TICKETS), headers, http,
                RowSchema.v2(settings.severity().field()), settings.zone());
    }

    @Override
    public TicketPage page(TicketQuery query) throws PluginException {
        GlpiResponse response = http.get(URI.create(tickets + "?" + searchQuery(query)), headers);
        byte[] body = GlpiHttp.json(response, SEARCH_HINT);
        List<Map<String, Scalar>> raw = new ArrayList<>();
        try (JsonParser parser = JsonRows.JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw RowSchema.unexpected(response.where(), "the answer is not a list of tickets");
            }
            for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                if (next != JsonToken.START_OBJECT) {
                    throw RowSchema.unexpected(response.where(), "the list holds something else than tickets");
                }
                raw.add(JsonRows.readObject(parser, schema.wanted()));
            }
        } catch (IOException e) {
            throw GlpiHttp.malformed(response);
        }
        return TicketPage.of(response, query, raw, Optional.empty(), schema, zone);
    }

    /**
     * RSQL: ';' is AND. Dates in GLPI's local time, as it stores them; {@code lt} keeps the window half-open.
     * Trashed tickets are left out, as the legacy search does by default.
     */
    String searchQuery(TicketQuery query) {
        String filter = GlpiFields.V2_CATEGORY_ID + "==" + query.categoryId()
                + ";" + GlpiFields.V2_OPENED + "=ge=" + OpeningCursor.FORMAT.format(query.window().from())
                + ";" + GlpiFields.V2_OPENED + "=lt=" + OpeningCursor.FORMAT.format(query.window().to())
                + ";" + GlpiFields.V2_DELETED + "==false";
        Map<String, String> params = new LinkedHashMap<>();
        params.put("filter", filter);
        params.put("start", String.valueOf(query.start()));
        params.put("limit", String.valueOf(query.limit()));
        params.put("sort", GlpiFields.V2_ID + ":asc");
        return GlpiHttp.query(params);
    }

    /** The v2 API has no session to end: the token expires by itself. */
    @Override
    public void close() {
    }
}
