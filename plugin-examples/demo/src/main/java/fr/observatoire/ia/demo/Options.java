package fr.observatoire.ia.demo;

import java.nio.file.Path;
import java.util.Map;

/** The demo's command line. */
record Options(Integer port, Path dataDir, Path serverJar, Path agentJar, boolean waitForServer, Map<String, String> serverProperties) {
    Options {
        serverProperties = Map.copyOf(serverProperties);
    }

    Options(Integer port, Path dataDir, Path serverJar, Path agentJar, boolean waitForServer) {
        this(port, dataDir, serverJar, agentJar, waitForServer, Map.of());
    }

    static final Path DEFAULT_SERVER_JAR = Path.of("reference-server", "target", "quarkus-app", "quarkus-run.jar");
    static final Path DEFAULT_AGENT_JAR = Path.of("plugin-examples", "agent-distribution", "target", "observatoire-agent.jar");

    static Options parse(String[] args) {
        Integer port = null;
        Path dataDir = Path.of("demo-data");
        Path serverJar = DEFAULT_SERVER_JAR;
        Path agentJar = DEFAULT_AGENT_JAR;
        boolean wait = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(value(args, ++i, "--port"));
                case "--data-dir" -> dataDir = Path.of(value(args, ++i, "--data-dir"));
                case "--server-jar" -> serverJar = Path.of(value(args, ++i, "--server-jar"));
                case "--agent-jar" -> agentJar = Path.of(value(args, ++i, "--agent-jar"));
                case "--no-wait" -> wait = false;
                default -> throw new IllegalArgumentException("option inconnue / unknown option: " + args[i]);
            }
        }
        return new Options(port, dataDir, serverJar, agentJar, wait);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " attend une valeur / needs a value");
        }
        return args[i];
    }
}
