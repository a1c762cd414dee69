package fr.observatoire.ia.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import fr.observatoire.ia.protocol.json.ProtocolJson;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

/**
 * The document management system (GED) of the Communauté d'agglomération de la Riviera Française, as Alfresco serves
 * the CMIS 1.1 browser binding: the object selector on folders by path or id, and the query selector over documents
 * held in memory, applying what the plugin's CMIS QL asks (the aspect {@code P:ia:assisted} by a join,
 * {@code IN_TREE}, the creation-date window, ascending creation dates, {@code skipCount} and {@code maxItems}), with
 * succinct properties, dates in epoch milliseconds and versioned ids ({@code <uuid>;1.0}). Documents are invented:
 * two in three carry the aspect that marks a document drafted with AI.
 */
final class DemoGed implements ResponseDefinitionTransformerV2 {
    static final String NAME = "demo-ged";
    static final String REPOSITORY = "/alfresco/api/-default-/public/cmis/versions/1.1/browser";
    static final String USERNAME = "svc-observatoire";
    static final String PASSWORD = "Ged-Riviera-2026!";
    static final String ASPECT = "P:ia:assisted";

    private static final Pattern IN_TREE = Pattern.compile("IN_TREE\\((?:d,\\s*)?'([^']+)'\\)");
    private static final Pattern FROM = Pattern.compile("creationDate >= TIMESTAMP '([^']+)'");
    private static final Pattern UNTIL = Pattern.compile("creationDate < TIMESTAMP '([^']+)'");

    /** The site folders mapped to services in the plugin's configuration (the Direction générale's is not). */
    static final Map<String, String> SITE_SERVICES = siteServices();
    private static final List<String> FOLDERS = List.of(
            "/Sites/ressources-humaines/documentLibrary/Fiches de poste",
            "/Sites/ressources-humaines/documentLibrary/Notes de service",
            "/Sites/finances/documentLibrary/Rapports budgétaires",
            "/Sites/commande-publique/documentLibrary/Analyses des offres",
            "/Sites/mobilite/documentLibrary/Information voyageurs",
            "/Sites/habitat-urbanisme/documentLibrary/Courriers aux pétitionnaires",
            "/Sites/communication/documentLibrary/Communiqués",
            "/Sites/assemblees/documentLibrary/Projets de délibération",
            "/Sites/direction-generale/documentLibrary/Notes au président");

    private static Map<String, String> siteServices() {
        Map<String, String> sites = new LinkedHashMap<>();
        sites.put("HUMAN_RESOURCES", "/Sites/ressources-humaines");
        sites.put("FINANCE", "/Sites/finances");
        sites.put("LEGAL_PROCUREMENT", "/Sites/commande-publique");
        sites.put("TECHNICAL_SERVICES", "/Sites/mobilite");
        sites.put("URBAN_PLANNING", "/Sites/habitat-urbanisme");
        sites.put("COMMUNICATION", "/Sites/communication");
        sites.put("COUNCIL_AFFAIRS", "/Sites/assemblees");
        return sites;
    }

    record Folder(String id, String path) {
    }

    record Document(String id, String folder, Instant created, boolean aiAssisted) {
    }

    private final Map<String, Folder> foldersByPath = new LinkedHashMap<>();
    private final List<Document> documents;

    /** @param now documents were created during the three weeks before, the latest ten minutes ago */
    DemoGed(Instant now) {
        for (String site : SITE_SERVICES.values()) {
            folder(site);
        }
        FOLDERS.forEach(this::folder);
        this.documents = documents(now.truncatedTo(ChronoUnit.MILLIS));
    }

    private void folder(String path) {
        for (int i = path.indexOf('/', 1); ; i = path.indexOf('/', i + 1)) {
            String prefix = i < 0 ? path : path.substring(0, i);
            foldersByPath.computeIfAbsent(prefix, p -> new Folder(UUID.nameUUIDFromBytes(p.getBytes(StandardCharsets.UTF_8)).toString(), p));
            if (i < 0) {
                return;
            }
        }
    }

    private static List<Document> documents(Instant now) {
        Random random = new Random(6083L);
        List<Document> list = new ArrayList<>();
        Instant latest = now.minus(10, ChronoUnit.MINUTES);
        for (int i = 0; i < 90; i++) {
            String folder = FOLDERS.get(random.nextInt(FOLDERS.size()));
            Instant created = latest.minusMillis((long) (random.nextDouble() * 21 * 86_400_000L));
            if (i % 15 == 14) {
                created = list.get(list.size() - 1).created(); // imported together: the same millisecond
            }
            String id = new UUID(random.nextLong(), random.nextLong()).toString();
            list.add(new Document(id, folder, created, random.nextInt(3) > 0));
        }
        list.sort(Comparator.comparing(Document::created).thenComparing(Document::id));
        return List.copyOf(list);
    }

    List<Document> documents() {
        return documents;
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
        if (!("Basic " + Base64.getEncoder().encodeToString((USERNAME + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .equals(request.getHeader("Authorization"))) {
            return aResponse().withStatus(401).withHeader("WWW-Authenticate", "Basic realm=\"Alfresco\"")
                    .withHeader("Content-Type", "application/json;charset=UTF-8")
                    .withBody("{\"exception\":\"permissionDenied\",\"message\":\"Unauthorized\"}").build();
        }
        String path = URI.create(request.getUrl()).getPath().substring(REPOSITORY.length());
        String selector = parameter(request, "cmisselector").orElse("");
        if (path.isEmpty() && selector.equals("query")) {
            return query(request);
        }
        if (path.startsWith("/root") && selector.equals("object")) {
            Optional<Folder> folder = parameter(request, "objectId")
                    .flatMap(id -> foldersByPath.values().stream().filter(f -> f.id().equals(id)).findFirst())
                    .or(() -> Optional.ofNullable(foldersByPath.get(path.substring("/root".length()))));
            return folder.map(DemoGed::folderObject).orElseGet(() -> cmisError(404, "objectNotFound", "Object not found"));
        }
        return cmisError(400, "invalidArgument", "Unknown operation");
    }

    private static ResponseDefinition folderObject(Folder folder) {
        ObjectNode answer = ProtocolJson.mapper().createObjectNode();
        answer.putObject("succinctProperties").put("cmis:objectId", folder.id()).put("cmis:path", folder.path())
                .put("cmis:baseTypeId", "cmis:folder");
        return json(answer);
    }

    /** The CMIS QL the plugin sends, applied to the documents held: marker, folder tree, creation-date window. */
    private ResponseDefinition query(Request request) {
        String q = parameter(request, "q").orElse("");
        int skip = parameter(request, "skipCount").map(Integer::parseInt).orElse(0);
        int max = parameter(request, "maxItems").map(Integer::parseInt).orElse(100);
        boolean marked = q.contains("JOIN " + ASPECT + " AS m");
        Optional<String> tree = match(IN_TREE, q).map(id -> foldersByPath.values().stream().filter(f -> f.id().equals(id))
                .map(Folder::path).findFirst().orElse("/nowhere"));
        Optional<Instant> from = match(FROM, q).map(Instant::parse);
        Optional<Instant> until = match(UNTIL, q).map(Instant::parse);
        List<Document> hits = documents.stream()
                .filter(d -> !marked || d.aiAssisted())
                .filter(d -> tree.isEmpty() || d.folder().startsWith(tree.get() + "/"))
                .filter(d -> from.isEmpty() || !d.created().isBefore(from.get()))
                .filter(d -> until.isEmpty() || d.created().isBefore(until.get()))
                .toList();
        int end = Math.min(hits.size(), skip + max);
        ObjectNode answer = ProtocolJson.mapper().createObjectNode();
        ArrayNode results = answer.putArray("results");
        for (Document doc : hits.subList(Math.min(skip, end), end)) {
            results.addObject().putObject("succinctProperties").put("cmis:objectId", doc.id() + ";1.0")
                    .put("cmis:creationDate", doc.created().toEpochMilli());
        }
        answer.put("hasMoreItems", end < hits.size());
        answer.put("numItems", hits.size());
        return json(answer);
    }

    private static Optional<String> match(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static Optional<String> parameter(Request request, String name) {
        QueryParameter parameter = request.queryParameter(name);
        return parameter.isPresent() ? Optional.of(parameter.firstValue()) : Optional.empty();
    }

    private static ResponseDefinition json(ObjectNode body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json;charset=UTF-8").withBody(body.toString()).build();
    }

    private static ResponseDefinition cmisError(int status, String exception, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json;charset=UTF-8")
                .withBody("{\"exception\":\"" + exception + "\",\"message\":\"" + message + "\"}").build();
    }
}
