package fr.observatoire.ia.plugin.squid;

import fr.observatoire.ia.spi.PullPlugin;
import fr.observatoire.ia.testkit.conformance.InvalidSetting;
import fr.observatoire.ia.testkit.conformance.PullPluginConformance;
import fr.observatoire.ia.testkit.conformance.SourceFailure;
import fr.observatoire.ia.testkit.conformance.SourceFixture;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The test kit's conformance suite against the Squid plugin: an access.log in a temporary directory, with user
 * names, client addresses, non-AI sites and URL paths that must never leave. A log file has no 401, no 500 and no
 * timeout; it can vanish (rotation, a wrong path) and hold unreadable bytes, which the plugin counts as losses.
 */
class SquidPluginConformanceTest extends PullPluginConformance {
    private static final String FIRST_LINES = """
            1718000000.123    245 10.1.2.3 TCP_TUNNEL/200 5230 CONNECT chatgpt.com:443 jdupont HIER_DIRECT/104.18.32.47 -
            1718000001.456     12 10.1.3.4 TCP_MISS/200 1532 GET http://www.deepl.com/translator?text=Jean+Dupont mmartin HIER_DIRECT/1.2.3.4 text/html
            1718000002.789     80 10.1.3.4 TCP_MISS/200 9000 GET http://www.leboncoin.fr/annonces/velo mmartin HIER_DIRECT/5.6.7.8 text/html
            1718000003.000      5 10.1.9.9 TCP_DENIED/403 0 CONNECT claude.ai:443 - HIER_NONE/- -
            """;
    private static final String MORE_LINES = """
            1718000060.000    300 10.1.2.7 TCP_TUNNEL/200 7000 CONNECT chat.mistral.ai:443 cbernard HIER_DIRECT/51.159.1.1 -
            1718000061.000    310 10.1.2.3 TCP_TUNNEL/200 7100 CONNECT chatgpt.com:443 jdupont HIER_DIRECT/104.18.32.47 -
            1718000062.000     40 10.1.2.7 TCP_MISS/200 800 GET http://webmail.mairie-exemple.fr/inbox cbernard HIER_DIRECT/9.9.9.9 text/html
            """;

    @TempDir
    Path dir;

    private final AccessLog log = new AccessLog();

    /** Squid's access.log on disk. */
    final class AccessLog implements SourceFixture {
        private String content = "";

        Path path() {
            return dir.resolve("access.log");
        }

        @Override
        public void serveHealthyData() {
            content = FIRST_LINES;
            write(content);
        }

        @Override
        public void addMoreRecords() {
            content = FIRST_LINES + MORE_LINES;
            write(content);
        }

        @Override
        public void fail(SourceFailure failure) {
            try {
                switch (failure) {
                    // Moved away, not next to the log: the plugin would otherwise finish it as a rotated file.
                    case DOWN -> Files.move(path(), Files.createDirectories(dir.resolve("elsewhere")).resolve("access.log"),
                            StandardCopyOption.REPLACE_EXISTING);
                    case GARBAGE -> Files.writeString(path(), content + "\u0000\u0001\u00ff garbage \u00fe\n\u0007\u0008 not squid\n",
                            StandardCharsets.ISO_8859_1);
                    default -> throw new IllegalArgumentException("a log file cannot simulate " + failure);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void recover() {
            write(content);
        }

        @Override
        public Set<SourceFailure> failureModes() {
            return EnumSet.of(SourceFailure.DOWN, SourceFailure.GARBAGE);
        }

        private void write(String text) {
            try {
                Files.writeString(path(), text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    protected PullPlugin newPlugin() {
        return new SquidPlugin();
    }

    @Override
    protected SourceFixture source() {
        return log;
    }

    @Override
    protected Map<String, String> configuration() {
        return Map.of("log", log.path().toString(), "subnets", file("subnets.txt", "10.1.2.0/24 CIVIL_REGISTRY\ndefault FINANCE\n"));
    }

    @Override
    protected Set<String> forbiddenStrings() {
        return Set.of("jdupont", "mmartin", "cbernard", "Jean+Dupont", "Dupont", "translator", "leboncoin", "webmail",
                "mairie-exemple", "annonces", "inbox");
    }

    @Override
    protected List<InvalidSetting> invalidSettings() {
        return List.of(InvalidSetting.missing("log"), InvalidSetting.of("log", dir.resolve("absent.log").toString()),
                InvalidSetting.of("default-service", "CANTINE"),
                InvalidSetting.of("subnets", file("bad-subnets.txt", "10.1.2.0/33 CIVIL_REGISTRY\n")),
                InvalidSetting.of("catalogue", file("bad-catalogue.txt", "@version 3\nnot | enough\n")));
    }

    private String file(String name, String content) {
        try {
            return Files.writeString(dir.resolve(name), content).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
