package fr.observatoire.ia.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import fr.observatoire.ia.protocol.json.ProtocolJson;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

/**
 * The helpdesk of the Communauté d'agglomération de la Riviera Française, as GLPI 10's legacy REST API
 * ({@code apirest.php}) serves it: {@code initSession} with a user token and an App-Token, {@code search/Ticket} over
 * tickets held in memory (criteria on the category and on the opening date, strict {@code morethan} and
 * {@code lessthan}, the title always added as column 1, entity names HTML-encoded, {@code Content-Range} and 206
 * while a page holds less than the total), {@code killSession}. The tickets are invented and plausible; some are not
 * about AI, and are never asked for.
 */
final class DemoGlpi implements ResponseDefinitionTransformerV2 {
    static final String NAME = "demo-glpi";
    static final String PREFIX = "/glpi/";
    static final String USER_TOKEN = "tQ3bV8kLm2Wx9RzY4nH6pJ1sD5fG7cA0eU2iO8vB";
    static final String APP_TOKEN = "riviera-observatoire-2bd1c7e94a";
    private static final String SESSION_TOKEN = "6f0c1b9d2e8a4f3c7b5d1e9a8c2f4b6d";
    private static final DateTimeFormatter GLPI_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
    private static final String ROOT = "Entité racine > CA de la Riviera Française";

    /** GLPI ITIL categories: the AI ones the DSI created, and two everyday ones. */
    static final int CATEGORY_ERROR = 112;
    static final int CATEGORY_PERSONAL_DATA = 113;
    static final int CATEGORY_INAPPROPRIATE = 114;
    static final int CATEGORY_OUTAGE = 115;
    static final int CATEGORY_ACCESS_REQUEST = 118;
    private static final int CATEGORY_PRINTER = 12;
    private static final int CATEGORY_MAIL = 27;

    /** The entities of the CA's GLPI and the service each stands for (configuration of the plugin). */
    static final Map<String, String> ENTITY_SERVICES = entityServices();

    private static Map<String, String> entityServices() {
        Map<String, String> entities = new LinkedHashMap<>();
        entities.put(ROOT + " > Direction générale", "GENERAL_MANAGEMENT");
        entities.put(ROOT + " > Ressources humaines", "HUMAN_RESOURCES");
        entities.put(ROOT + " > Finances et commande publique", "FINANCE");
        entities.put(ROOT + " > Mobilité et transports", "TECHNICAL_SERVICES");
        entities.put(ROOT + " > Environnement et déchets", "ENVIRONMENT");
        entities.put(ROOT + " > Habitat et urbanisme", "URBAN_PLANNING");
        entities.put(ROOT + " > Direction du numérique", "INFORMATION_SYSTEMS");
        return entities;
    }

    /** One ticket as GLPI's database holds it; only id, category, date, entity and priority are ever asked for. */
    record Ticket(long id, int category, LocalDateTime opened, String entity, int priority, String title) {
        boolean aboutAi() {
            return category >= CATEGORY_ERROR;
        }
    }

    private record Template(int category, String entity, int priority, String title) {
    }

    private static final List<Template> TEMPLATES = List.of(
            new Template(CATEGORY_ERROR, "Habitat et urbanisme", 3, "Note de synthèse PLUi : l'assistant cite un article du code de l'urbanisme abrogé"),
            new Template(CATEGORY_ERROR, "Mobilité et transports", 2, "Horaires de la ligne 100 faux dans une réponse rédigée avec Le Chat"),
            new Template(CATEGORY_ERROR, "Finances et commande publique", 4, "Montant de marché erroné dans un rapport au conseil communautaire préparé avec l'IA"),
            new Template(CATEGORY_ERROR, "Direction générale", 3, "Compte rendu de bureau : décisions inventées par l'outil de résumé"),
            new Template(CATEGORY_ERROR, "Environnement et déchets", 2, "Calendrier de collecte mal traduit en italien"),
            new Template(CATEGORY_ERROR, "Ressources humaines > Paie", 3, "Simulation de paie : taux de cotisation inventé"),
            new Template(CATEGORY_ERROR, "Habitat et urbanisme", 2, "Courrier de réponse : mauvaise référence cadastrale proposée"),
            new Template(CATEGORY_PERSONAL_DATA, "Ressources humaines", 4, "Tableau d'arrêts maladie collé dans un outil d'IA grand public"),
            new Template(CATEGORY_PERSONAL_DATA, "Mobilité et transports", 3, "Liste d'abonnés au transport scolaire envoyée à un traducteur en ligne"),
            new Template(CATEGORY_INAPPROPRIATE, "Environnement et déchets", 2, "Réponse désobligeante proposée à une réclamation d'usager"),
            new Template(CATEGORY_INAPPROPRIATE, "Direction générale", 1, "Ton trop familier dans un projet de discours"),
            new Template(CATEGORY_OUTAGE, "Direction du numérique", 3, "Le Chat Pro inaccessible depuis le réseau de l'agglomération"),
            new Template(CATEGORY_OUTAGE, "Direction du numérique", 2, "Quota d'API atteint sur l'assistant de rédaction"),
            new Template(CATEGORY_ACCESS_REQUEST, "Ressources humaines", 2, "Demande de compte Le Chat Pro pour le service recrutement"),
            new Template(CATEGORY_ACCESS_REQUEST, "Finances et commande publique", 2, "Accès à Le Chat Pro pour l'analyse des offres"),
            new Template(CATEGORY_ACCESS_REQUEST, "Mobilité et transports", 2, "Demande d'accès à Le Chat Pro (cellule information voyageurs)"),
            new Template(CATEGORY_ACCESS_REQUEST, "Habitat et urbanisme", 3, "Comptes Le Chat Pro pour l'instruction des autorisations"),
            new Template(CATEGORY_ACCESS_REQUEST, "Direction générale", 2, "Le Chat Pro pour le secrétariat des assemblées"),
            new Template(CATEGORY_ACCESS_REQUEST, "Office de tourisme", 2, "Demande d'accès à Le Chat Pro pour les traductions"),
            new Template(CATEGORY_PRINTER, "Finances et commande publique", 2, "Imprimante du 2e étage en bourrage"),
            new Template(CATEGORY_PRINTER, "Habitat et urbanisme", 3, "Traceur A0 hors service"),
            new Template(CATEGORY_MAIL, "Ressources humaines", 3, "Boîte partagée recrutement pleine"),
            new Template(CATEGORY_MAIL, "Direction générale", 4, "Messagerie indisponible sur mobile"));

    private final List<Ticket> tickets;

    /**
     * @param now GLPI's local time now: tickets were opened during the six days before it, the latest an hour ago
     */
    DemoGlpi(LocalDateTime now) {
        this.tickets = tickets(now.truncatedTo(ChronoUnit.SECONDS));
    }

    private static List<Ticket> tickets(LocalDateTime now) {
        Random random = new Random(240600551L);
        List<Ticket> list = new ArrayList<>();
        long id = 48_213;
        // Each template twice, at different moments: 46 tickets, 38 of them in AI categories.
        for (int round = 0; round < 2; round++) {
            for (Template t : TEMPLATES) {
                LocalDateTime opened = now.minusHours(1).minusSeconds(random.nextInt(6 * 24 * 3600));
                int priority = round == 0 ? t.priority() : Math.max(1, Math.min(4, t.priority() + random.nextInt(3) - 1));
                String entity = ROOT + " > " + t.entity();
                list.add(new Ticket(0, t.category(), opened, entity, priority, t.title()));
            }
        }
        list.sort(Comparator.comparing(Ticket::opened));
        List<Ticket> numbered = new ArrayList<>();
        for (Ticket t : list) {
            numbered.add(new Ticket(id, t.category(), t.opened(), t.entity(), t.priority(), t.title()));
            id += 1 + (id % 3); // other tickets were opened in between
        }
        return List.copyOf(numbered);
    }

    List<Ticket> tickets() {
        return tickets;
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
        String path = uri.getPath().substring(PREFIX.length() - 1);
        return switch (path) {
            case "/apirest.php/initSession" -> initSession(request);
            case "/apirest.php/killSession" -> sessionRefused(request) ? error(401, "ERROR_SESSION_TOKEN_INVALID", "session_token semble incorrect")
                    : json(200, "", Map.of());
            case "/apirest.php/search/Ticket" -> sessionRefused(request) ? error(401, "ERROR_SESSION_TOKEN_INVALID", "session_token semble incorrect")
                    : search(decodeForm(uri.getRawQuery()));
            default -> error(400, "ERROR_RESOURCE_NOT_FOUND_NOR_COMMONDBTM", "ressource introuvable ou non instance de CommonDBTM");
        };
    }

    private static ResponseDefinition initSession(Request request) {
        if (!APP_TOKEN.equals(request.getHeader("App-Token"))) {
            return error(400, "ERROR_WRONG_APP_TOKEN_PARAMETER", "le paramètre app_token semble incorrect");
        }
        if (!("user_token " + USER_TOKEN).equals(request.getHeader("Authorization"))) {
            return error(401, "ERROR_GLPI_LOGIN_USER_TOKEN", "le paramètre user_token semble incorrect");
        }
        return json(200, "{\"session_token\":\"" + SESSION_TOKEN + "\"}", Map.of());
    }

    private static boolean sessionRefused(Request request) {
        return !SESSION_TOKEN.equals(request.getHeader("Session-Token")) || !APP_TOKEN.equals(request.getHeader("App-Token"));
    }

    /** GLPI's search engine, for the criteria the plugin sends (and GLPI's answers to them). */
    private ResponseDefinition search(Map<String, String> params) {
        Predicate<Ticket> filter = t -> true;
        for (int i = 0; params.containsKey("criteria[" + i + "][field]"); i++) {
            String field = params.get("criteria[" + i + "][field]");
            String type = params.get("criteria[" + i + "][searchtype]");
            String value = params.get("criteria[" + i + "][value]");
            if (field.equals("7") && type.equals("equals")) {
                int category = Integer.parseInt(value);
                filter = filter.and(t -> t.category() == category);
            } else if (field.equals("15") && (type.equals("morethan") || type.equals("lessthan"))) {
                LocalDateTime bound = LocalDateTime.parse(value, GLPI_DATE);
                filter = filter.and(type.equals("morethan") ? t -> t.opened().isAfter(bound) : t -> t.opened().isBefore(bound));
            } else {
                return error(400, "ERROR", "critère non géré par cette démonstration");
            }
        }
        List<Ticket> matching = tickets.stream().filter(filter).sorted(Comparator.comparingLong(Ticket::id)).toList();
        String[] range = params.getOrDefault("range", "0-49").split("-");
        int start = Integer.parseInt(range[0]);
        int end = Integer.parseInt(range[1]);
        int total = matching.size();
        if (start > total) {
            return error(400, "ERROR_RANGE_EXCEED_TOTAL", "le début de la plage dépasse le total");
        }
        List<Ticket> page = matching.subList(start, Math.min(end + 1, total));
        Set<Integer> columns = new LinkedHashSet<>(List.of(1));
        for (int i = 0; params.containsKey("forcedisplay[" + i + "]"); i++) {
            columns.add(Integer.parseInt(params.get("forcedisplay[" + i + "]")));
        }
        columns.add(80);
        ObjectNode body = ProtocolJson.mapper().createObjectNode().put("totalcount", total).put("count", page.size());
        body.putArray("sort").add(2);
        body.putArray("order").add("ASC");
        if (!page.isEmpty()) {
            ArrayNode data = body.putArray("data");
            for (Ticket t : page) {
                ObjectNode row = data.addObject();
                columns.forEach(c -> row.putPOJO(String.valueOf(c), column(t, c)));
            }
        }
        if (total == 0) {
            return json(200, body.toString(), Map.of());
        }
        String contentRange = start + "-" + Math.min(end, total - 1) + "/" + total;
        body.put("content-range", contentRange);
        return json(page.size() >= total ? 200 : 206, body.toString(), Map.of("Content-Range", contentRange));
    }

    private static Object column(Ticket t, int column) {
        return switch (column) {
            case 1 -> t.title();
            case 2 -> t.id();
            case 3 -> t.priority();
            case 10, 11 -> Math.min(5, t.priority());
            case 12 -> 2;
            case 15 -> GLPI_DATE.format(t.opened());
            case 80 -> t.entity().replace(">", "&#62;"); // GLPI 10 stores names HTML-encoded
            default -> null;
        };
    }

    private static ResponseDefinition error(int status, String code, String message) {
        return json(status, "[\"" + code + "\",\"" + message + "\"]", Map.of());
    }

    private static ResponseDefinition json(int status, String body, Map<String, String> headers) {
        var response = aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=UTF-8").withBody(body);
        headers.forEach(response::withHeader);
        return response.build();
    }

    private static Map<String, String> decodeForm(String raw) {
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
