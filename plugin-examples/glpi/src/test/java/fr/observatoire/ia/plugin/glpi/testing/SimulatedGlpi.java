package fr.observatoire.ia.plugin.glpi.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
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
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * A GLPI helpdesk simulated on WireMock: a {@link ResponseDefinitionTransformerV2} that answers GLPI's two REST APIs
 * over tickets held in memory, as GLPI's code does, for tests of code that reads GLPI (the GLPI plugin's own tests)
 * and for demonstrations (the demo territory serves its agglomeration's helpdesk with it).
 *
 * <p>Its behaviour follows GLPI's sources:
 * <ul>
 *   <li>legacy API ({@code apirest.php}, GLPI 9.5 to 11): {@code initSession} with {@code Authorization: user_token …}
 *       and {@code App-Token} (the App-Token is checked first, as GLPI does), {@code search/Ticket} with criteria on
 *       the category (field 7, {@code equals}) and on the opening date (field 15, strict {@code morethan} and
 *       {@code lessthan}) joined by AND, {@code forcedisplay}, {@code range}; 206 whenever count &lt; totalcount
 *       (the last page of several included), {@code Content-Range} "start-end/total" with end clamped, no
 *       {@code Content-Range} and no data for an empty result, columns 1 (title) and 80 (entity) always added;
 *       {@code killSession};</li>
 *   <li>v2 API ({@code api.php}, GLPI 11 HL API), when {@linkplain Builder#v2Api an OAuth client} is configured:
 *       OAuth2 password grant on {@code token} (scope {@code api}), {@code v2/Assistance/Ticket} with an RSQL
 *       {@code filter} whose unknown properties are silently ignored, {@code start} and {@code limit},
 *       {@code Content-Range} with end = start + limit - 1, 206 while start + limit &lt; total, whole tickets
 *       returned (text and team included).</li>
 * </ul>
 * Anything else under its root answers GLPI's {@code ERROR_RESOURCE_NOT_FOUND_NOR_COMMONDBTM}.
 *
 * <p>Use: build it, give it to WireMock as an extension, then register its stub once the server runs:
 * <pre>{@code
 * SimulatedGlpi glpi = SimulatedGlpi.builder().legacyApi(userToken, appToken, sessionToken).build();
 * WireMockServer server = new WireMockServer(options().dynamicPort().extensions(glpi));
 * server.start();
 * server.stubFor(glpi.stub());                         // GLPI's root is server.baseUrl() + "/"
 * glpi.add(ticket, …);
 * }</pre>
 * Tests can make GLPI misbehave by stubbing single endpoints at a higher priority than {@link #STUB_PRIORITY}.
 *
 * <p><b>Packaging.</b> This class is a test double that needs WireMock: it lives in the GLPI plugin's <em>test</em>
 * sources, next to the tests that pin its behaviour, and is published in the module's {@code test-jar} (restricted
 * to this package), never in the plugin's jar, which the standalone agent embeds. Depend on it with
 * {@code <type>test-jar</type>} and bring WireMock yourself ({@code wiremock} or {@code wiremock-standalone}); see
 * the plugin's README.
 */
public final class SimulatedGlpi implements ResponseDefinitionTransformerV2 {
    /** The priority of {@link #stub()}: a stub with a lower number (say 1) overrides an endpoint. */
    public static final int STUB_PRIORITY = 10;

    private static final DateTimeFormatter GLPI_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
    private static final Pattern RSQL_TERM = Pattern.compile("([a-z_.]+)(==|=ge=|=gt=|=le=|=lt=)(.+)");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The messages a French GLPI writes next to its error codes (callers should read the code only). */
    private static final Map<String, String> LEGACY_MESSAGES = Map.of(
            "ERROR_WRONG_APP_TOKEN_PARAMETER", "le paramètre app_token semble incorrect",
            "ERROR_GLPI_LOGIN_USER_TOKEN", "le paramètre user_token semble incorrect",
            "ERROR_SESSION_TOKEN_INVALID", "session_token semble incorrect",
            "ERROR_RANGE_EXCEED_TOTAL", "le début de la plage dépasse le total",
            "ERROR_RESOURCE_NOT_FOUND_NOR_COMMONDBTM", "ressource introuvable ou non instance de CommonDBTM");

    /**
     * A ticket as GLPI's database holds it. The simulation needs the id, the category, the opening date (GLPI's
     * local time), the priority and the entity's complete name; the rest, which GLPI also serves (title, text,
     * requester and technician, urgency and impact), has defaults. A record whose components carry these names
     * implements it as it is.
     */
    public interface Ticket {
        long id();

        /** The ITIL category's id. */
        int category();

        /** The opening date, in GLPI's local time (GLPI's dates carry no offset). */
        LocalDateTime opened();

        /** 1 (very low) to 5 (very high), or 6 (major). */
        int priority();

        /** The entity's complete name, e.g. {@code Entité racine > Ville > Urbanisme}. */
        String entity();

        default int urgency() {
            return Math.min(priority(), 5);
        }

        default int impact() {
            return Math.min(priority(), 5);
        }

        default String title() {
            return "Ticket " + id();
        }

        default String content() {
            return "";
        }

        default String requester() {
            return "";
        }

        default String technician() {
            return "";
        }
    }

    /** Builds a {@link SimulatedGlpi}; at least one API must be configured. */
    public static final class Builder {
        private String name = "simulated-glpi";
        private String root = "/";
        private String userToken;
        private String appToken;
        private String sessionToken;
        private String clientId;
        private String clientSecret;
        private String username;
        private String password;
        private String accessToken;
        private ZoneId zone = ZoneId.of("Europe/Paris");
        private boolean htmlEncodedNames;

        private Builder() {
        }

        /** The WireMock extension's name, unique on its server (default {@code simulated-glpi}). */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name);
            return this;
        }

        /**
         * The path of GLPI's root folder, the one holding {@code apirest.php} and {@code api.php} (default {@code /}),
         * to serve GLPI next to other simulated services on one server.
         */
        public Builder root(String root) {
            if (!root.startsWith("/") || !root.endsWith("/")) {
                throw new IllegalArgumentException("GLPI's root must start and end with '/': " + root);
            }
            this.root = root;
            return this;
        }

        /** Serves the legacy API to this user token and App-Token, opening sessions with this session token. */
        public Builder legacyApi(String userToken, String appToken, String sessionToken) {
            this.userToken = Objects.requireNonNull(userToken);
            this.appToken = Objects.requireNonNull(appToken);
            this.sessionToken = Objects.requireNonNull(sessionToken);
            return this;
        }

        /** Serves the v2 API to this OAuth client and account, handing out this access token. */
        public Builder v2Api(String clientId, String clientSecret, String username, String password, String accessToken) {
            this.clientId = Objects.requireNonNull(clientId);
            this.clientSecret = Objects.requireNonNull(clientSecret);
            this.username = Objects.requireNonNull(username);
            this.password = Objects.requireNonNull(password);
            this.accessToken = Objects.requireNonNull(accessToken);
            return this;
        }

        /** GLPI's time zone, in which the v2 API writes dates with their offset (default {@code Europe/Paris}). */
        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone);
            return this;
        }

        /**
         * Whether the legacy search returns entity names HTML-encoded ({@code &#62;} for {@code >}), as GLPI 9.5 and
         * 10 store them (default {@code false}: as written).
         */
        public Builder htmlEncodedEntityNames(boolean encoded) {
            this.htmlEncodedNames = encoded;
            return this;
        }

        public SimulatedGlpi build() {
            if (userToken == null && clientId == null) {
                throw new IllegalStateException("configure legacyApi(…), v2Api(…) or both");
            }
            return new SimulatedGlpi(this);
        }
    }

    private final String name;
    private final String root;
    private final String userToken;
    private final String appToken;
    private final String sessionToken;
    private final String clientId;
    private final String clientSecret;
    private final String username;
    private final String password;
    private final String accessToken;
    private final ZoneId zone;
    private final boolean htmlEncodedNames;
    private final List<Ticket> tickets = new CopyOnWriteArrayList<>();

    private SimulatedGlpi(Builder b) {
        this.name = b.name;
        this.root = b.root;
        this.userToken = b.userToken;
        this.appToken = b.appToken;
        this.sessionToken = b.sessionToken;
        this.clientId = b.clientId;
        this.clientSecret = b.clientSecret;
        this.username = b.username;
        this.password = b.password;
        this.accessToken = b.accessToken;
        this.zone = b.zone;
        this.htmlEncodedNames = b.htmlEncodedNames;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The stub that routes GLPI's APIs ({@code root + "apirest.php/…"} and {@code root + "api.php/…"}) to this
     * simulation, at {@link #STUB_PRIORITY}: register it with {@code server.stubFor(glpi.stub())}, again after
     * {@code resetAll()}.
     */
    public MappingBuilder stub() {
        return any(urlPathMatching(Pattern.quote(root) + "(apirest|api)\\.php/.*")).atPriority(STUB_PRIORITY)
                .willReturn(aResponse().withTransformers(name));
    }

    /** The path of GLPI's root folder on the server. */
    public String root() {
        return root;
    }

    /** Adds tickets to GLPI's database. */
    public void add(Collection<? extends Ticket> added) {
        tickets.addAll(added);
    }

    /** The tickets GLPI holds from now on. */
    public void replaceTickets(Collection<? extends Ticket> now) {
        tickets.clear();
        tickets.addAll(now);
    }

    /** Empties GLPI's database. */
    public void clear() {
        tickets.clear();
    }

    /** The tickets GLPI holds, in the order they were added. */
    public List<Ticket> tickets() {
        return List.copyOf(tickets);
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        Request request = event.getRequest();
        URI uri = URI.create(request.getUrl());
        if (!uri.getPath().startsWith(root)) {
            return legacyError(400, "ERROR_RESOURCE_NOT_FOUND_NOR_COMMONDBTM");
        }
        String path = uri.getPath().substring(root.length() - 1);
        Map<String, String> params = decodeForm(uri.getRawQuery());
        if (userToken != null) {
            switch (path) {
                case "/apirest.php/initSession":
                    return initSession(request);
                case "/apirest.php/killSession":
                    return sessionRefused(request) ? legacyError(401, "ERROR_SESSION_TOKEN_INVALID") : json(200, "", Map.of());
                case "/apirest.php/search/Ticket":
                    return sessionRefused(request) ? legacyError(401, "ERROR_SESSION_TOKEN_INVALID") : legacySearch(params);
                default:
                    break;
            }
        }
        if (clientId != null) {
            switch (path) {
                case "/api.php/token":
                    return token(decodeForm(request.getBodyAsString()));
                case "/api.php/v2/Assistance/Ticket":
                    return ("Bearer " + accessToken).equals(request.getHeader("Authorization")) ? v2Search(params)
                            : json(401, "{\"status\":\"ERROR_UNAUTHENTICATED\",\"title\":\"You are not authenticated\",\"detail\":null}", Map.of());
                default:
                    break;
            }
        }
        return legacyError(400, "ERROR_RESOURCE_NOT_FOUND_NOR_COMMONDBTM");
    }

    private ResponseDefinition initSession(Request request) {
        if (!appToken.equals(request.getHeader("App-Token"))) {
            return legacyError(400, "ERROR_WRONG_APP_TOKEN_PARAMETER");
        }
        if (!("user_token " + userToken).equals(request.getHeader("Authorization"))) {
            return legacyError(401, "ERROR_GLPI_LOGIN_USER_TOKEN");
        }
        return json(200, "{\"session_token\":\"" + sessionToken + "\"}", Map.of());
    }

    private boolean sessionRefused(Request request) {
        return !sessionToken.equals(request.getHeader("Session-Token")) || !appToken.equals(request.getHeader("App-Token"));
    }

    private ResponseDefinition legacySearch(Map<String, String> params) {
        Predicate<Ticket> filter = t -> true;
        for (int i = 0; params.containsKey("criteria[" + i + "][field]"); i++) {
            String field = params.get("criteria[" + i + "][field]");
            String type = params.get("criteria[" + i + "][searchtype]");
            String value = params.get("criteria[" + i + "][value]");
            if (!"AND".equals(params.getOrDefault("criteria[" + i + "][link]", "AND"))) {
                return legacyError(400, "ERROR"); // only AND is simulated
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
        List<Ticket> matching = tickets.stream().filter(filter).sorted(Comparator.comparingLong(Ticket::id)).toList();
        String[] range = params.getOrDefault("range", "0-49").split("-");
        int start = Integer.parseInt(range[0]);
        int end = Integer.parseInt(range[1]);
        int total = matching.size();
        if (start > total) {
            return legacyError(400, "ERROR_RANGE_EXCEED_TOTAL");
        }
        List<Ticket> page = matching.subList(start, Math.min(end + 1, total));
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
            for (Ticket t : page) {
                ObjectNode row = data.addObject();
                columns.forEach(c -> row.putPOJO(String.valueOf(c), legacyColumn(t, c)));
            }
        }
        String contentRange = start + "-" + Math.min(end, total - 1) + "/" + total;
        body.put("content-range", contentRange);
        return json(page.size() >= total ? 200 : 206, body.toString(), total > 0 ? Map.of("Content-Range", contentRange) : Map.of());
    }

    private Object legacyColumn(Ticket t, int column) {
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
            case 80 -> htmlEncodedNames ? t.entity().replace(">", "&#62;") : t.entity();
            default -> null;
        };
    }

    private ResponseDefinition token(Map<String, String> form) {
        if (!"password".equals(form.get("grant_type"))) {
            return json(400, "{\"error\":\"unsupported_grant_type\",\"message\":\"The authorization grant type is not supported.\"}", Map.of());
        }
        if (!clientId.equals(form.get("client_id")) || !clientSecret.equals(form.get("client_secret"))) {
            return json(401, "{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\",\"message\":\"Client authentication failed\"}", Map.of());
        }
        if (!"api".equals(form.get("scope"))) {
            return json(400, "{\"error\":\"invalid_scope\",\"message\":\"The requested scope is invalid.\"}", Map.of());
        }
        if (!username.equals(form.get("username")) || !password.equals(form.get("password"))) {
            return json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"The user credentials were incorrect.\",\"message\":\"The user credentials were incorrect.\"}", Map.of());
        }
        return json(200, "{\"token_type\":\"Bearer\",\"expires_in\":3600,\"access_token\":\"" + accessToken
                + "\",\"refresh_token\":\"def50200a1b2c3\"}", Map.of());
    }

    private ResponseDefinition v2Search(Map<String, String> params) {
        Predicate<Ticket> filter = t -> true;
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
                filter = filter.and(t -> !deleted); // the simulation's tickets are never in the trash
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
        List<Ticket> matching = tickets.stream().filter(filter).sorted(Comparator.comparingLong(Ticket::id)).toList();
        int start = Integer.parseInt(params.getOrDefault("start", "0"));
        int limit = Integer.parseInt(params.getOrDefault("limit", "100"));
        int total = matching.size();
        List<Ticket> page = start >= total ? List.of() : matching.subList(start, Math.min(start + limit, total));
        ArrayNode body = JSON.createArrayNode();
        page.forEach(t -> body.add(v2Ticket(t)));
        long end = Math.max(0, start + limit - 1);
        if (end > total) {
            end = total - 1;
        }
        return json(start + limit < total ? 206 : 200, body.toString(), Map.of("Content-Range", start + "-" + end + "/" + total));
    }

    private ObjectNode v2Ticket(Ticket t) {
        ObjectNode ticket = JSON.createObjectNode();
        ticket.put("id", t.id()).put("name", t.title()).put("content", t.content()).put("is_deleted", false);
        ticket.putObject("category").put("id", t.category()).put("name", "Catégorie " + t.category());
        ticket.putNull("location");
        ticket.put("urgency", t.urgency()).put("impact", t.impact()).put("priority", t.priority()).put("actiontime", 0);
        String date = t.opened().atZone(zone).toOffsetDateTime().toString();
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

    /** GLPI's legacy error body: {@code ["CODE", "message"]}. */
    private static ResponseDefinition legacyError(int status, String code) {
        String message = LEGACY_MESSAGES.getOrDefault(code, "voir la documentation de GLPI");
        return json(status, "[\"" + code + "\",\"" + message + "\"]", Map.of());
    }

    private static ResponseDefinition json(int status, String body, Map<String, String> headers) {
        ResponseDefinitionBuilder response = aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json; charset=UTF-8").withBody(body);
        headers.forEach(response::withHeader);
        return response.build();
    }

    /** Decodes a query string or an {@code application/x-www-form-urlencoded} body, in order; {@code null} gives none. */
    public static Map<String, String> decodeForm(String raw) {
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
}
