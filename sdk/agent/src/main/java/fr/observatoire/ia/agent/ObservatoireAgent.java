package fr.observatoire.ia.agent;

import fr.observatoire.ia.sdk.InvalidConfigException;
import fr.observatoire.ia.sdk.ObservatoireSdk;
import fr.observatoire.ia.sdk.PluginSettings;
import fr.observatoire.ia.spi.PullPlugin.PullProgress;
import org.eclipse.microprofile.config.Config;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

/**
 * The standalone agent: a command line (and, with {@code run}, a daemon) for a collectivité that has no Java
 * application to embed the SDK in. It reads one properties file, runs the pull plugins it finds (bundled, or in
 * {@code --plugins-dir}) and speaks French unless told otherwise. Exit statuses: {@link ExitCode}.
 */
@Command(name = "observatoire-agent", mixinStandardHelpOptions = true, versionProvider = AgentVersion.class,
        description = {"Déclare l’usage de l’IA de la collectivité à l’observatoire, signé et agrégé.",
                "Declares the collectivité’s AI usage to the observatory, signed and aggregated."},
        subcommands = {InitCommand.class, EnrolCommand.class, StatusCommand.class, PreviewCommand.class, RunCommand.class,
                ClosePeriodCommand.class, FlushCommand.class, VerifyCommand.class, ReceiptsCommand.class, RotateKeyCommand.class,
                RevokeKeyCommand.class},
        exitCodeListHeading = "%nCodes de sortie / exit codes:%n",
        exitCodeList = {"0:ok", "1:échec opérationnel / operational failure (network, plugin, store)",
                "2:usage ou configuration / usage or configuration error", "3:refus de l’observatoire / refused by the observatory",
                "4:non inscrit / not enrolled", "5:vérification en échec / verification failed"})
public final class ObservatoireAgent implements Callable<Integer> {
    static final Path DEFAULT_CONFIG = Path.of("observatoire-agent.properties");

    @Option(names = {"-c", "--config"}, scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "Fichier de configuration / configuration file (default: ${DEFAULT-VALUE})",
            defaultValue = "observatoire-agent.properties")
    Path configFile = DEFAULT_CONFIG;

    @Option(names = "--lang", scope = ScopeType.INHERIT, paramLabel = "fr|en",
            description = "Langue des messages / language of messages (default: LANG, else fr)")
    String lang;

    @Option(names = "--plugins-dir", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Dossier de plugins supplémentaires (*.jar) / directory of extra plugin jars")
    Path pluginsDir;

    private final Map<String, String> environment;
    private final boolean terminal;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private BufferedReader input;
    private Messages messages;

    ObservatoireAgent(Map<String, String> environment, boolean terminal) {
        this.environment = environment;
        this.terminal = terminal;
    }

    /** {@code input}: what the person at the terminal types (a confirmation); standard input when not given. */
    ObservatoireAgent(Map<String, String> environment, boolean terminal, BufferedReader input) {
        this(environment, terminal);
        this.input = input;
    }

    public static void main(String[] args) {
        AgentLogging.oneLinePerRecord();
        System.exit(execute(args, System.getenv(), System.console() != null,
                new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command line; returns the exit status. */
    static int execute(String[] args, Map<String, String> environment, boolean terminal, PrintWriter out, PrintWriter err) {
        return commandLine(new ObservatoireAgent(environment, terminal), out, err).execute(args);
    }

    static CommandLine commandLine(ObservatoireAgent agent, PrintWriter out, PrintWriter err) {
        CommandLine line = new CommandLine(agent);
        line.setOut(out);
        line.setErr(err);
        line.setExecutionExceptionHandler((e, command, parsed) -> {
            if (e instanceof AgentException failure) {
                command.getErr().println(failure.getMessage());
                return failure.exitCode();
            }
            command.getErr().println(agent.messages().get("error.unexpected", e));
            return ExitCode.FAILURE;
        });
        return line;
    }

    @Spec
    CommandSpec spec;

    /** Without a command: the usage, as for any usage error. */
    @Override
    public Integer call() {
        spec.commandLine().getErr().println(messages().get("error.no.command"));
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }

    Messages messages() {
        if (messages == null) {
            messages = Messages.choose(lang, environment);
        }
        return messages;
    }

    boolean terminal() {
        return terminal;
    }

    /** One line typed at the terminal, or null at the end of the input. */
    String readLine() {
        if (input == null) {
            input = new BufferedReader(new InputStreamReader(System.in, System.console() != null ? System.console().charset()
                    : Charset.defaultCharset()));
        }
        try {
            return input.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Config config() {
        return AgentConfig.load(configFile, messages());
    }

    /**
     * Starts the SDK from the configuration, with the plugins it enables.
     *
     * @param scheduled true for the daemon; false leaves pulls to {@link ObservatoireSdk#pullNow}
     */
    ObservatoireSdk openSdk(boolean scheduled, Function<String, PullProgress> progress) {
        Config config = config();
        AgentLogging.forCommand(scheduled);
        PluginSettings plugins = PluginSettings.builder().config(config).classLoader(PluginsDirectory.loader(pluginsDir, messages()))
                .scheduled(scheduled).progress(progress).build();
        ObservatoireSdk sdk;
        try {
            sdk = ObservatoireSdk.fromConfig(config, plugins);
        } catch (InvalidConfigException e) {
            throw new AgentException(ExitCode.USAGE, messages().get("config.invalid", configFile.toAbsolutePath(),
                    "\n - " + String.join("\n - ", e.problems())));
        } catch (RuntimeException e) {
            throw new AgentException(ExitCode.FAILURE, messages().get("error.start", e.getMessage()));
        }
        if (!sdk.isEnabled()) {
            String reason = sdk.status().disabledReason();
            sdk.close();
            throw new AgentException(ExitCode.USAGE, messages().get("config.disabled", configFile.toAbsolutePath(), reason));
        }
        try {
            InventoryFile.declare(config, sdk, messages());
        } catch (AgentException e) {
            sdk.close();
            throw e;
        }
        return sdk;
    }

    ObservatoireSdk openSdk() {
        return openSdk(false, name -> PullProgress.NONE);
    }

    /** For {@code run}: returns when {@link #requestStop()} is called (by SIGTERM's shutdown hook, or a test). */
    void awaitStop() throws InterruptedException {
        stopRequested.await();
    }

    void requestStop() {
        stopRequested.countDown();
    }
}
