package fr.observatoire.ia.plugin.glpi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * A GLPI on WireMock that answers like the real one over tickets held in memory, for the tests where the meaning
 * of a query matters (cursor, paging, ties). Its behaviour follows GLPI's sources: legacy search (apirest.md and
 * API.php: 206 whenever count &lt; totalcount, Content-Range "start-end/total" with end clamped, no Content-Range
 * and no data for an empty result, strict morethan/lessthan on dates, columns 1 (title) and 80 always added);
 * v2 (GLPI 11 HL API: OAuth2 password grant, RSQL filter whose unknown properties are silently ignored,
 * Content-Range with end = start + limit - 1, 206 while start + limit &lt; total, the whole ticket returned).
 * Tests override single endpoints with higher-priority WireMock stubs to make GLPI misbehave.
 */
final class FakeGlpi implements ResponseDefinitionTransformerV2, AutoCloseable {
    static final String USER_TOKEN = "q56hqkniwot8wntb3z1qarka5atf365taaa2uyjrn";
    static final String APP_TOKEN = "f7g3csp8mgatg5ebc5elnazakw20i9fyev1qopya7";
    static final String SESSION_TOKEN = "83af7e620c83a50a18d3eac2f6ed05a3ca0bea62";
    static final String CLIENT_ID = "9246d35072ff62193330003a8106d947fafe5ac036d11a51ebc7ca11b9bc135e";
    static final String CLIENT_SECRET = "d09f2d9dbd4a6db2c1a2b6c5e8f4f7b3";
    static final String USERNAME = "observatoire-api";
    static final String PASSWORD = "correct horse battery staple";
    static final String ACCESS_TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJzY29wZSI6ImFwaSJ9.c2lnbmF0dXJl";
    static final ZoneId GLPI_ZONE = ZoneId.of("Europe/Paris");

    private static final String NAME = "fake-glpi";
    private static final DateTimeFormatter GLPI_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
    private static final Pattern RSQL_TERM = Pattern.compile("([a-z_.]+)(==|=ge=|=gt=|=le=|=lt=)(.+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<FakeTicket> tickets = new CopyOnWriteArrayList<>();
    private final WireMockServer server;

    FakeGlpi() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().extensions(this));
        server.start();
        reset();
    }

    /** No tickets, default behaviour, empty request journal. */
    void reset() {
        tickets.clear();
        server.resetAll();
        server.stubFor(any(urlPathMatching("/(apirest|api)\\.php/.*")).atPriority(10).willReturn(aResponse().withTransformers(NAME)));
    }

    WireMockServer server() {
        return server;
    }

    String url() {
        return server.baseUrl() + "/";
    }

    void add(FakeTicket... added) {
        tickets.addAll(List.of(added));
    }

    void add(List<FakeTicket> added) {
        tickets.addAll(added);
    }

    /** The tickets GLPI holds from now on, stubs and journal kept. */
    void replaceTickets(List<FakeTicket> now) {
        tickets.clear();
        tickets.addAll(now);
    }

    /** Settings that work with this GLPI, legacy API; tests change what they test. */
    Map<String, String> legacyConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("url", url());
        config.put("user-token", USER_TOKEN);
        config.put("app-token", APP_TOKEN);
        config.put("categories.incident", "42:FACTUAL_ERROR;43:PERSONAL_DATA_DISCLOSURE");
        config.put("categories.usage-request", "57:redaction-courriers");
        config.put("entities", "Entité racine > Ville de Grasse > Urbanisme:URBAN_PLANNING;Entité racine > Ville de Grasse > État civil:CIVIL_REGISTRY");
        config.put("page-size", "5");
        config.put("settle-delay", "PT0S");
        config.put("since", "2025-01-06");
        config.put("timeout", "PT5S");
        return config;
    }

    Map<String, String> v2Config() {
        Map<String, String> config = legacyConfig();
        config.remove("user-token");
        config.remove("app-token");
        config.put("api", "v2");
        config.put("client-id", CLIENT_ID);
        config.put("client-secret", CLIENT_SECRET);
        config.put("username", USERNAME);
        config.put("password", PASSWORD);
        return config;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        Request request = event.getRequest();
        URI uri = URI.create(request.getUrl());
        Map<String, String> params = decodeForm(uri.getRawQuery());
        return switch (uri.getPath()) {
            case "/apirest.php/initSession" -> initSession(request);
            case "/apirest.php/killSession" -> sessionRefused(request) ? legacyError(401, "ERROR_SESSION_TOKEN_INVALID")
                    : json(200, "", Map.of());
            case "/apirest.php/search/Ticket" -> sessionRefused(request) ? legacyError(401, "ERROR_SESSION_TOKEN_INVALID")
                    : legacySearch(params);
            case "/api.php/token" -> token(decodeForm(request.getBodyAsString()));
            case "/api.php/v2/Assistance/Ticket" -> ("Bearer " + ACCESS_TOKEN).equals(request.getHeader("Authorization"))
                    ? v2Search(params) : json(401, "{\"status\":\"ERROR_UNAUTHENTICATED\",\"title\":\"You are not authenticated\",\"detail\":null}", Map.of());
            default -> legacyError(400, "ERROR_RESOURCE_NOT_FOUND_NOR_COMMONDBTM");
        };
    }

    private ResponseDefinition initSession(Request request) {
        if (!("user_token " + USER_TOKEN).equals(request.getHeader("Authorization"))) {
            return legacyError(401, "ERROR_GLPI_LOGIN_USER_TOKEN");
        }
        if (!APP_TOKEN.equals(request.getHeader("App-Token"))) {
            return legacyError(400, "ERROR_WRONG_APP_TOKEN_PARAMETER");
        }
        return json(200, "{\"session_token\":\"" + SESSION_TOKEN + "\"}", Map.of());
    }

    private static boolean sessionRefused(Request request) {
        return !SESSION_TOKEN.equals(request.getHeader("Session-Token")) || !APP_TOKEN.equals(request.getHeader("App-Token"));
    }

    private ResponseDefinition legacySearch(Map<String, String> params) {
        Predicate<FakeTicket> filter = t -> true;
        for (int i = 0; params.containsKey("criteria[" + i + "][field]"); i++) {
            String field = params.get("criteria[" + i + "][field]");
            String type = params.get("criteria[" + i + "][searchtype]");
            String value = params.get("criteria[" + i + "][value]");
            if (!"AND".equals(params.getOrDefault("criteria[" + i + "][link]", "AND"))) {
                return legacyError(400, "ERROR"); // the plugin only ever ANDs its criteria
            }
            if (field.equals("7") && type.equals("equals")) {
                int category = Integer.parseInt(value);
                filter = filter.and(t -> t.category() == category);
            } else if (field.equals("15") && (type.equals("morethan") || type.equals("lessthan"))) {
                LocalDateTime bound = LocalDateTime.parse(value, GLPI_DATE);
                filter = filter.and(type.equals("morethan") ? t -> t.opened().isAfter(bound) : t -> t.opened().isBefore(bound));
            } else {
                return legacyError(400, "ERROR");
            }
        }
        List<FakeTicket> matching = tickets.stream().filter(filter).sorted(Comparator.comparingLong(FakeTicket::id)).toList();
        String[] range = params.getOrDefault("range", "0-49").split("-");
        int start = Integer.parseInt(range[0]);
        int end = Integer.parseInt(range[1]);
        int total = matching.size();
        if (start > total) {
            return legacyError(400, "ERROR_RANGE_EXCEED_TOTAL");
        }
        List<FakeTicket> page = matching.subList(start, Math.min(end + 1, total));
        Set<Integer> columns = new LinkedHashSet<>(List.of(1));
        for (int i = 0; params.containsKey("forcedisplay[" + i + "]"); i++) {
            columns.add(Integer.parseInt(params.get("forcedisplay[" + i + "]")));
        }
        columns.add(80);
        ObjectNode body = JSON.createObjectNode().put("totalcount", total).put("count", page.size());
        body.putArray("sort").add(2);
        body.putArray("order").add("ASC");
        if (!page.isEmpty()) {
            ArrayNode data = body.putArray("data");
            for (FakeTicket t : page) {
                ObjectNode row = data.addObject();
                columns.forEach(c -> row.putPOJO(String.valueOf(c), legacyColumn(t, c)));
            }
        }
        String contentRange = start + "-" + Math.min(end, total - 1) + "/" + total;
        body.put("content-range", contentRange);
        return json(page.size() >= total ? 200 : 206, body.toString(), total > 0 ? Map.of("Content-Range", contentRange) : Map.of());
    }

    private static Object legacyColumn(FakeTicket t, int column) {
        return switch (column) {
            case 1 -> t.title();
            case 2 -> t.id();
            case 3 -> t.priority();
            case 4 -> t.requester();
            case 5 -> t.technician();
            case 7 -> "Intelligence artificielle > Catégorie " + t.category();
            case 10 -> t.urgency();
            case 11 -> t.impact();
            case 15 -> GLPI_DATE.format(t.opened());
            case 21 -> t.content();
            case 80 -> t.entity();
            default -> null;
        };
    }

    private ResponseDefinition token(Map<String, String> form) {
        if (!"password".equals(form.get("grant_type"))) {
            return json(400, "{\"error\":\"unsupported_grant_type\",\"message\":\"The authorization grant type is not supported.\"}", Map.of());
        }
        if (!CLIENT_ID.equals(form.get("client_id")) || !CLIENT_SECRET.equals(form.get("client_secret"))) {
            return json(401, "{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\",\"message\":\"Client authentication failed\"}", Map.of());
        }
        if (!"api".equals(form.get("scope"))) {
            return json(400, "{\"error\":\"invalid_scope\",\"message\":\"The requested scope is invalid.\"}", Map.of());
        }
        if (!USERNAME.equals(form.get("username")) || !PASSWORD.equals(form.get("password"))) {
            return json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"The user credentials were incorrect.\",\"message\":\"The user credentials were incorrect.\"}", Map.of());
        }
        return json(200, "{\"token_type\":\"Bearer\",\"expires_in\":3600,\"access_token\":\"" + ACCESS_TOKEN
                + "\",\"refresh_token\":\"def50200a1b2c3\"}", Map.of());
    }

    private ResponseDefinition v2Search(Map<String, String> params) {
        Predicate<FakeTicket> filter = t -> true;
        for (String term : params.getOrDefault("filter", "").split(";")) {
            Matcher m = RSQL_TERM.matcher(term);
            if (!m.matches()) {
                continue;
            }
            String property = m.group(1);
            String operator = m.group(2);
            String value = m.group(3);
            if (property.equals("category.id") && operator.equals("==")) {
                int category = Integer.parseInt(value);
                filter = filter.and(t -> t.category() == category);
            } else if (property.equals("is_deleted")) {
                boolean deleted = value.equals("true") || value.equals("1");
                filter = filter.and(t -> !deleted); // the fake's tickets are never in the trash
            } else if (property.equals("date")) {
                LocalDateTime bound = LocalDateTime.parse(value);
                filter = filter.and(switch (operator) {
                    case "=ge=" -> t -> !t.opened().isBefore(bound);
                    case "=gt=" -> t -> t.opened().isAfter(bound);
                    case "=le=" -> t -> !t.opened().isAfter(bound);
                    case "=lt=" -> t -> t.opened().isBefore(bound);
                    default -> t -> t.opened().isEqual(bound);
                });
            }
            // like GLPI 11: a filter on an unknown property is ignored, not refused
        }
        List<FakeTicket> matching = tickets.stream().filter(filter).sorted(Comparator.comparingLong(FakeTicket::id)).toList();
        int start = Integer.parseInt(params.getOrDefault("start", "0"));
        int limit = Integer.parseInt(params.getOrDefault("limit", "100"));
        int total = matching.size();
        List<FakeTicket> page = start >= total ? List.of() : matching.subList(start, Math.min(start + limit, total));
        ArrayNode body = JSON.createArrayNode();
        page.forEach(t -> body.add(v2Ticket(t)));
        long end = Math.max(0, start + limit - 1);
        if (end > total) {
            end = total - 1;
        }
        return json(start + limit < total ? 206 : 200, body.toString(), Map.of("Content-Range", start + "-" + end + "/" + total));
    }

    static ObjectNode v2Ticket(FakeTicket t) {
        ObjectNode ticket = JSON.createObjectNode();
        ticket.put("id", t.id()).put("name", t.title()).put("content", t.content()).put("is_deleted", false);
        ticket.putObject("category").put("id", t.category()).put("name", "Catégorie " + t.category());
        ticket.putNull("location");
        ticket.put("urgency", t.urgency()).put("impact", t.impact()).put("priority", t.priority()).put("actiontime", 0);
        String date = t.opened().atZone(GLPI_ZONE).toOffsetDateTime().toString();
        ticket.put("date_creation", date).put("date_mod", date).put("date", date);
        ticket.put("type", 1).put("external_id", "");
        ticket.putObject("request_type").put("id", 1).put("name", "Helpdesk");
        ticket.putObject("status").put("id", 2).put("name", "En cours (attribué)");
        ticket.putObject("entity").put("id", Math.abs(t.entity().hashCode() % 100)).put("name", t.entity())
                .put("completename", t.entity());
        ArrayNode team = ticket.putArray("team");
        team.addObject().put("id", 7).put("name", t.requester()).put("type", "User").put("role", "requester");
        team.addObject().put("id", 9).put("name", t.technician()).put("type", "User").put("role", "assigned");
        return ticket;
    }

    private static ResponseDefinition legacyError(int status, String code) {
        return json(status, "[\"" + code + "\",\"" + "see GLPI's documentation" + "\"]", Map.of());
    }

    private static ResponseDefinition json(int status, String body, Map<String, String> headers) {
        ResponseDefinitionBuilder response = aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json; charset=UTF-8").withBody(body);
        headers.forEach(response::withHeader);
        return response.build();
    }

    static Map<String, String> decodeForm(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(key, value);
        }
        return params;
    }

    /** The requests made to a path, decoded, oldest first. */
    List<Map<String, String>> requests(String path) {
        List<Map<String, String>> found = new ArrayList<>();
        for (ServeEvent e : server.getAllServeEvents()) {
            URI uri = URI.create(e.getRequest().getUrl());
            if (uri.getPath().equals(path)) {
                found.add(0, decodeForm(uri.getRawQuery()));
            }
        }
        return found;
    }

    int calls(String path) {
        return requests(path).size();
    }

    @Override
    public void close() {
        server.stop();
    }
}
