package fr.observatoire.ia.demo;

import com.fasterxml.jackson.databind.JsonNode;
import fr.observatoire.ia.sdk.DeclarationPreview;
import fr.observatoire.ia.sdk.ObservatoireSdk;
import fr.observatoire.ia.sdk.SdkStatus;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * The demo territory: starts an observatory on its embedded database, registers three real collectivités
 * of the Alpes-Maritimes, has each one enrol its key and declare through the SDK (one of them from a Squid
 * log), and leaves the observatory running with the accepted declarations on its page.
 *
 * <pre>
 * java -jar plugin-examples/demo/target/observatoire-demo.jar [--port 8080] [--data-dir demo-data] [--no-wait]
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
            System.exit(accepted >= Collectivites.all().size() ? 0 : 1);
        } catch (IllegalArgumentException e) {
            System.err.println("Usage : java -jar observatoire-demo.jar [--port 8080] [--data-dir demo-data] [--no-wait]\n" + e.getMessage());
            System.exit(2);
        } catch (Exception e) {
            System.err.println("La démonstration a échoué / the demo failed: " + e.getMessage());
            System.exit(1);
        }
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
        deleteRecursively(dataDir);
        String adminToken = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        int port = options.port() != null ? options.port() : freePortPreferring(8080);

        say(options.serverProperties().isEmpty()
                ? "Démarrage de l'observatoire (H2 embarquée, " + dataDir.resolve("observatoire") + ")..."
                : "Démarrage de l'observatoire...");
        ObservatoryProcess observatory = ObservatoryProcess.start(options.serverJar(), dataDir.resolve("observatoire"), port, adminToken,
                options.serverProperties());
        Thread stopper = new Thread(observatory::close, "observatoire-demo-shutdown");
        Runtime.getRuntime().addShutdownHook(stopper);
        observatory.awaitReady(Duration.ofSeconds(90));
        say("Observatoire prêt sur " + observatory.baseUri() + " (journal : " + observatory.log() + ")");

        AdminClient admin = new AdminClient(observatory.baseUri(), adminToken);
        for (DemoCollectivite collectivite : Collectivites.all()) {
            declare(collectivite, admin, observatory, dataDir.resolve("collectivites").resolve(collectivite.declarant().siren()));
        }

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
        if (options.waitForServer()) {
            say("L'observatoire reste en marche ; Ctrl-C pour l'arrêter.");
            observatory.waitFor();
        } else {
            Runtime.getRuntime().removeShutdownHook(stopper);
            observatory.close();
        }
        return declarations.size();
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

    /** The SDK's INFO lines (started, enrolled, queued) say what the console already says: keep warnings only, on one line. */
    private static void quietSdkLogs() {
        System.setProperty("java.util.logging.SimpleFormatter.format", "%4$s %3$s: %5$s%6$s%n");
        java.util.logging.Logger.getLogger("fr.observatoire.ia").setLevel(java.util.logging.Level.WARNING);
    }

    private static void say(String line) {
        System.out.println(line);
    }
}
