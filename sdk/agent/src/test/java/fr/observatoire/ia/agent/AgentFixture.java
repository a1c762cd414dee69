package fr.observatoire.ia.agent;

import fr.observatoire.ia.model.Declarant;
import fr.observatoire.ia.model.DeclarantKind;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** A data directory, a configuration file and a way to run the agent's commands in-process. */
final class AgentFixture {
    static final Declarant NICE = new Declarant(DeclarantKind.COMMUNE, "210600888", "06088", null, "Commune de Nice");
    /** Nothing listens there. */
    static final String NOWHERE = "http://127.0.0.1:9";

    private final Path dir;
    private final Map<String, String> settings = new LinkedHashMap<>();
    private Map<String, String> environment = Map.of("LANG", "fr_FR.UTF-8");

    /** What a command did. */
    record Result(int exit, String out, String err) {
        String all() {
            return out + err;
        }
    }

    AgentFixture(Path dir, String endpoint) {
        this.dir = dir;
        settings.put("observatoire.endpoint", endpoint);
        settings.put("observatoire.declarant.siren", NICE.siren());
        settings.put("observatoire.declarant.kind", "COMMUNE");
        settings.put("observatoire.declarant.insee-code", NICE.inseeCode());
        settings.put("observatoire.declarant.name", NICE.name());
        settings.put("observatoire.data-dir", dir.resolve("data").toString());
        settings.put("observatoire.checkpoint-interval", "50ms");
        settings.put("observatoire.period-check-interval", "50ms");
        settings.put("observatoire.shutdown-hook", "false");
        settings.put("observatoire.shutdown-timeout", "PT2S");
        settings.put("observatoire.retry.initial-backoff", "20ms");
        settings.put("observatoire.retry.max-backoff", "200ms");
        settings.put("observatoire.http.connect-timeout", "PT2S");
        settings.put("observatoire.http.response-timeout", "PT5S");
    }

    AgentFixture set(String key, String value) {
        settings.put(key, value);
        return this;
    }

    AgentFixture english() {
        environment = Map.of("LANG", "en_GB.UTF-8");
        return this;
    }

    AgentFixture french() {
        environment = Map.of("LANG", "fr_FR.UTF-8");
        return this;
    }

    Path config() {
        return dir.resolve("agent.properties");
    }

    Path dataDir() {
        return dir.resolve("data");
    }

    Path writeConfig() throws IOException {
        String text = settings.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().replace("\\", "\\\\"))
                .collect(Collectors.joining("\n", "", "\n"));
        return Files.writeString(config(), text);
    }

    /** Runs {@code args} after {@code --config <file>}, writing the configuration first. */
    Result run(String... args) throws IOException {
        writeConfig();
        return runRaw(prepend("--config", config().toString(), args));
    }

    Result runRaw(String... args) {
        return run(new ObservatoireAgent(environment, false), args);
    }

    /** Runs {@code args} as at a terminal where the person types {@code typed} (lines). */
    Result runAtTerminal(String typed, String... args) throws IOException {
        writeConfig();
        return run(new ObservatoireAgent(environment, true, new BufferedReader(new StringReader(typed))),
                prepend("--config", config().toString(), args));
    }

    Result run(ObservatoireAgent agent, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = ObservatoireAgent.commandLine(agent, new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    ObservatoireAgent newAgent() {
        return new ObservatoireAgent(environment, false);
    }

    static String[] prepend(String first, String second, String... rest) {
        String[] all = new String[rest.length + 2];
        all[0] = first;
        all[1] = second;
        System.arraycopy(rest, 0, all, 2, rest.length);
        return all;
    }
}
