package fr.observatoire.ia.demo;

import com.fasterxml.jackson.databind.JsonNode;
import fr.observatoire.ia.model.Declaration;
import fr.observatoire.ia.model.IncidentCount;
import fr.observatoire.ia.model.SourceReport;
import fr.observatoire.ia.protocol.jose.Jws;
import fr.observatoire.ia.sdk.DeclarationPreview;
import fr.observatoire.ia.sdk.ObservatoireSdk;
import fr.observatoire.ia.sdk.SdkStatus;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The demo territory: starts an observatory on its embedded database, registers four real collectivités of the
 * Alpes-Maritimes, has three of them enrol their key and declare through the SDK (one of them from a Squid log),
 * and the fourth, the Communauté d'agglomération de la Riviera Française, through the standalone agent
 * ({@code observatoire-agent.jar}, run as a child process) reading a GLPI helpdesk and an Alfresco GED served by
 * WireMock on the loopback interface and a generated Squid log. It leaves the observatory (and the simulated GLPI
 * and GED) running with the accepted declarations on its page, and an agent configuration file for each
 * collectivité so that the agent's commands can be tried on them.
 *
 * <pre>
 * java -jar plugin-examples/demo/target/observatoire-demo.jar [--port 8080] [--data-dir demo-data] [--no-wait]
 *     [--server-jar reference-server/target/quarkus-app/quarkus-run.jar]
 *     [--agent-jar plugin-examples/agent-distribution/target/observatoire-agent.jar]
 * </pre>
 * The data directory is emptied at each run: the demo always starts from a new observatory.
 */
public final class DemoTerritory {
    private DemoTerritory() {
    }

    public static void main(String[] args) {
        quietSdkLogs();
        try {
            int accepted = run(Options.parse(args));
            System.exit(accepted >= expectedDeclarations() ? 0 : 1);
        } catch (IllegalArgumentException e) {
            System.err.println("Usage : java -jar observatoire-demo.jar [--port 8080] [--data-dir demo-data] [--no-wait]\n" + e.getMessage());
            System.exit(2);
        } catch (Exception e) {
            System.err.println("La démonstration a échoué / the demo failed: " + e.getMessage());
            System.exit(1);
        }
    }

    /** One declaration per collectivité: the three of the SDK and the agent's. */
    static int expectedDeclarations() {
        return Collectivites.all().size() + 1;
    }

    /** Runs the demo; returns the number of declarations the observatory accepted. */
    static int run(Options options) throws Exception {
        return run(options, (admin, declarations) -> {
        });
    }

    /** What a test can check while the observatory is still up. */
    interface WhileRunning {
        void check(AdminClient admin, JsonNode declarations) throws Exception;
    }

    static int run(Options options, WhileRunning whileRunning) throws Exception {
        Path dataDir = options.dataDir().toAbsolutePath();
        AgentProcess.requireBuilt(options.agentJar());
        deleteRecursively(dataDir);
        String adminToken = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        int port = options.port() != null ? options.port() : freePortPreferring(8080);

        say(options.serverProperties().isEmpty()
                ? "Démarrage de l'observatoire (H2 embarquée, " + dataDir.resolve("observatoire") + ")..."
                : "Démarrage de l'observatoire...");
        // Closed in reverse order on exit, Ctrl-C included: the simulated GLPI and GED, then the observatory.
        List<AutoCloseable> running = Collections.synchronizedList(new ArrayList<>());
        Thread stopper = new Thread(() -> closeAll(running), "observatoire-demo-shutdown");
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            ObservatoryProcess observatory = ObservatoryProcess.start(options.serverJar(), dataDir.resolve("observatoire"), port, adminToken,
                    options.serverProperties());
            running.add(observatory);
            observatory.awaitReady(Duration.ofSeconds(90));
            say("Observatoire prêt sur " + observatory.baseUri() + " (journal : " + observatory.log() + ")");

            AdminClient admin = new AdminClient(observatory.baseUri(), adminToken);
            for (DemoCollectivite collectivite : Collectivites.all()) {
                declare(collectivite, admin, observatory, dataDir.resolve("collectivites").resolve(collectivite.declarant().siren()));
            }
            DemoSources sources = DemoSources.start(Instant.now());
            running.add(sources);
            AgentProcess agent = declareThroughTheAgent(admin, observatory.baseUri(), sources, options.agentJar(), dataDir.resolve("agent"));

            JsonNode declarations = admin.declarations();
            whileRunning.check(admin, declarations);
            say("");
            say("Déclarations vérifiées et enregistrées par l'observatoire : " + declarations.size());
            for (JsonNode d : declarations) {
                say(String.format("  %-28s période %s → %s  n°%d  %s", d.path("collectiviteName").asText(), d.path("periodStart").asText(),
                        d.path("periodEnd").asText(), d.path("sequence").asLong(), d.path("declarationHash").asText().substring(0, 19) + "…"));
            }
            say("");
            say("Page de l'observatoire : " + observatory.baseUri() + "/");
            say("API : " + observatory.baseUri() + "/api/v1/declarations   OpenAPI : " + observatory.baseUri() + "/q/openapi");
            say("Jeton d'administration de cette démonstration : " + adminToken);
            say("");
            say("L'agent autonome, sur chaque collectivité (status, verify, preview… ; guide : docs/agent.md) :");
            say("  " + agentCommand(agent.jar(), agent.config()) + " status");
            for (DemoCollectivite collectivite : Collectivites.all()) {
                say("  " + agentCommand(agent.jar(), dataDir.resolve("collectivites").resolve(collectivite.declarant().siren())
                        .resolve(AgentConfigFile.FILE_NAME)) + " status");
            }
            if (options.waitForServer()) {
                say("Le GLPI et la GED simulés restent servis sur " + sources.baseUrl() + " : l'agent de la Riviera Française peut être"
                        + " relancé (run --once, preview, close-period).");
                say("L'observatoire reste en marche ; Ctrl-C pour l'arrêter.");
                observatory.waitFor();
            }
            return declarations.size();
        } finally {
            // Also when the demo fails half-way (a test goes on in the same JVM) or the observatory stopped by itself.
            closeAll(running);
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is what is closing everything.
            }
        }
    }

    private static void declare(DemoCollectivite collectivite, AdminClient admin, ObservatoryProcess observatory, Path dir)
            throws Exception {
        String name = collectivite.declarant().name();
        String code = admin.register(collectivite.declarant());
        Files.createDirectories(dir);
        try (ObservatoireSdk sdk = ObservatoireSdk.builder()
                .endpoint(observatory.baseUri())
                .declarant(collectivite.declarant())
                .periodKind(collectivite.periodKind())
                .dataDir(dir.resolve("sdk"))
                .shutdownHook(false)
                .build()) {
            sdk.enrol(code);
            collectivite.simulate(sdk, dir);
            DeclarationPreview declared = sdk.closePeriodNow();
            boolean sent = sdk.flush(Duration.ofSeconds(30));
            SdkStatus status = sdk.status();
            say(String.format("%-28s %s — %d usage(s), %s, %s", name, collectivite.story(),
                    declared.declaration().inventory().usages().size(),
                    sent && status.lastReceipt() != null ? "reçu " + status.lastReceipt().declarationHash().substring(0, 19) + "…" : "non envoyée",
                    "clé " + status.enrolledKid()));
            if (!sent) {
                say("  dernière erreur : " + status.lastError());
            }
        }
        writeAgentConfig(collectivite, observatory.baseUri(), dir);
    }

    /**
     * The Riviera Française declares as a DSI would with the standalone agent: enrol with the code the observatory
     * gave, one pull of every plugin, the preview for the DPO, then the period declared and sent.
     */
    private static AgentProcess declareThroughTheAgent(AdminClient admin, URI endpoint, DemoSources sources, Path agentJar, Path dir)
            throws Exception {
        String name = RivieraFrancaise.declarant().name();
        String code = admin.register(RivieraFrancaise.declarant());
        RivieraFrancaise.Setup setup = RivieraFrancaise.prepare(dir, endpoint, sources, Instant.now());
        AgentProcess agent = new AgentProcess(agentJar, setup.config());
        long aiTickets = sources.glpi().tickets().stream().filter(DemoGlpi.Ticket::aboutAi).count();
        long aiDocuments = sources.ged().documents().stream().filter(DemoGed.Document::aiAssisted).count();
        say(String.format("%-28s %s", name, RivieraFrancaise.story()));
        say(String.format(Locale.FRANCE, "  GLPI (%d tickets, dont %d dans les catégories IA) et GED (%d documents, dont %d marqués IA)"
                        + " simulés par WireMock sur %s ; journal Squid de %,d lignes",
                sources.glpi().tickets().size(), aiTickets, sources.ged().documents().size(), aiDocuments,
                sources.baseUrl(), setup.generated().lines()));
        say("  configuration : " + shown(setup.config()));
        for (String[] command : new String[][]{{"enrol", code}, {"run", "--once"}, {"preview"}, {"close-period"}}) {
            AgentProcess.Run run = agent.run(command);
            say("  $ observatoire-agent " + String.join(" ", command));
            if (command[0].equals("preview") && run.ok()) {
                // What the DPO reads is long (every usage, then the exact bytes): to a file, with its head and sources here.
                Path preview = Files.writeString(dir.resolve("apercu-pour-le-dpo.txt"), run.output() + "\n", StandardCharsets.UTF_8);
                previewExcerpt(run.output()).forEach(line -> say("    " + line));
                say("    (aperçu complet, avec les octets exacts qui seront signés : " + shown(preview) + ")");
            } else {
                run.output().lines().forEach(line -> say("    " + line));
            }
            if (!run.ok()) {
                say("  l'agent a échoué (code de sortie " + run.exit() + ") : déclaration non envoyée");
                return agent;
            }
        }
        for (JsonNode d : admin.declarations()) {
            if (RivieraFrancaise.SIREN.equals(d.path("siren").asText())) {
                Declaration declaration = Jws.payload(Jws.parse(admin.signedDeclaration(d.path("declarationId").asText())), Declaration.class);
                say(String.format("  → %d usage(s), %d série(s) d'activité, %d incident(s) ; sources %s ; reçu %s", declaration.inventory().usages().size(),
                        declaration.activity().size(), declaration.incidents().counts().stream().mapToLong(IncidentCount::count).sum(),
                        declaration.provenance().sources().stream().map(DemoTerritory::source).collect(Collectors.joining(", ")),
                        d.path("declarationHash").asText().substring(0, 19) + "…"));
            }
        }
        return agent;
    }

    /**
     * The preview's heading (declarant, period, number, chaining, size of the inventory) and its sources and losses;
     * the first lines if the summary's layout is not the one expected.
     */
    static List<String> previewExcerpt(String preview) {
        List<String> lines = preview.lines().toList();
        int inventory = indexStartingWith(lines, "Inventaire des usages", 0);
        int sources = indexStartingWith(lines, "Sources", Math.max(inventory, 0));
        int software = indexStartingWith(lines, "Logiciel", Math.max(sources, 0));
        if (inventory < 0 || sources < 0 || software < 0) {
            return lines.subList(0, Math.min(lines.size(), 12));
        }
        List<String> excerpt = new ArrayList<>(lines.subList(0, inventory + 1));
        excerpt.add("[…]");
        excerpt.addAll(lines.subList(sources, software));
        return excerpt;
    }

    private static int indexStartingWith(List<String> lines, String start, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).startsWith(start)) {
                return i;
            }
        }
        return -1;
    }

    private static void writeAgentConfig(DemoCollectivite collectivite, URI endpoint, Path dir) throws IOException {
        new AgentConfigFile()
                .comment("Configuration de l'agent de l'Observatoire IA pour " + collectivite.declarant().name() + ", écrite par la démonstration.")
                .comment("Cette collectivité déclare par le SDK intégré à ses applications ; ce fichier sert aux commandes de l'agent")
                .comment("sur le même dossier de données (status, verify, preview…), pendant que la démonstration attend ou après :")
                .comment("  java -jar plugin-examples/agent-distribution/target/observatoire-agent.jar --config " + dir.resolve(AgentConfigFile.FILE_NAME) + " status")
                .comment("Aucun plugin n'est activé : l'agent ne collecte rien pour elle.")
                .blank()
                .declarant(collectivite.declarant(), collectivite.periodKind(), endpoint, dir.resolve("sdk"))
                .write(dir.resolve(AgentConfigFile.FILE_NAME));
    }

    /** {@code java -jar … --config …}, with paths relative to the current directory when they are below it. */
    static String agentCommand(Path jar, Path config) {
        return "java -jar " + shown(jar) + " --config " + shown(config);
    }

    private static String shown(Path path) {
        Path here = Path.of("").toAbsolutePath();
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(here) ? here.relativize(absolute).toString() : absolute.toString();
    }

    /** A source of the declaration's provenance: its name, its status and how many records it read. */
    private static String source(SourceReport report) {
        return String.format(Locale.FRANCE, "%s %s (%,d)", report.name(), report.status(), report.records());
    }

    private static void closeAll(List<AutoCloseable> running) {
        synchronized (running) {
            for (int i = running.size() - 1; i >= 0; i--) {
                try {
                    running.get(i).close();
                } catch (Exception e) {
                    System.err.println("arrêt incomplet / incomplete stop: " + e.getMessage());
                }
            }
            running.clear();
        }
    }

    private static int freePortPreferring(int preferred) throws IOException {
        try (ServerSocket socket = new ServerSocket(preferred)) {
            return preferred;
        } catch (IOException taken) {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Held: java.util.logging keeps loggers weakly, and a collected one forgets the level set on it. */
    private static final java.util.logging.Logger SDK_LOGS = java.util.logging.Logger.getLogger("fr.observatoire.ia");

    /** The SDK's INFO lines (started, enrolled, queued) say what the console already says: keep warnings only, on one line. */
    private static void quietSdkLogs() {
        System.setProperty("java.util.logging.SimpleFormatter.format", "%4$s %3$s: %5$s%6$s%n");
        SDK_LOGS.setLevel(java.util.logging.Level.WARNING);
    }

    private static void say(String line) {
        System.out.println(line);
    }
}
