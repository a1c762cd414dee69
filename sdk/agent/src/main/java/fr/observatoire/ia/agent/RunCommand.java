package fr.observatoire.ia.agent;

import fr.observatoire.ia.sdk.ObservatoireSdk;
import fr.observatoire.ia.sdk.PluginStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The daemon: plugins pull on their schedules, ended periods are declared and sent, until SIGTERM (systemd's stop)
 * or Ctrl+C, which close the SDK with a final checkpoint. {@code --once} pulls every plugin once, sends what is
 * waiting and exits, for a cron job or a first try.
 */
@Command(name = "run", aliases = "lancer", description = {"Fonctionne en service jusqu’à SIGTERM ; --once : une collecte puis s’arrête.",
        "Runs as a service until SIGTERM; --once: one pull of each plugin, then exits."})
final class RunCommand extends AgentCommand {
    /** Enough for the SDK's own bounded close (each step waits at most observatoire.shutdown-timeout). */
    private static final Duration STOP_GRACE = Duration.ofSeconds(60);

    @Option(names = "--once", description = "Une collecte de chaque plugin, envoi, puis sortie / pull each plugin once, send, exit")
    boolean once;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT30S",
            description = "Avec --once : attente maximale de l’envoi / with --once: longest wait for sending (default: ${DEFAULT-VALUE})")
    Duration timeout;

    @Override
    public Integer call() throws InterruptedException {
        return once ? once() : daemon();
    }

    private int once() {
        try (ObservatoireSdk sdk = agent.openSdk()) {
            Display display = new Display(agent.messages(), sdk.config().orElseThrow().zone());
            List<PluginStatus> plugins = sdk.pluginStatus();
            if (plugins.isEmpty()) {
                throw new AgentException(ExitCode.USAGE, text("run.no.plugins"));
            }
            boolean allHealthy = true;
            for (PluginStatus plugin : plugins) {
                PluginStatus after = plugin;
                if (plugin.kind() == PluginStatus.Kind.PULL && plugin.state() != PluginStatus.State.DISABLED) {
                    ProgressLine progress = new ProgressLine(plugin.name(), err(), agent.terminal(), System::currentTimeMillis,
                            agent.messages());
                    after = sdk.pullNow(plugin.name(), progress);
                    progress.close();
                }
                allHealthy &= after.healthy();
                out().println(display.plugin(after));
            }
            if (sdk.status().enrolled() && !sdk.flush(timeout)) {
                say("run.once.pending", sdk.status().pendingDeclarations());
            }
            return allHealthy ? ExitCode.OK : ExitCode.FAILURE;
        }
    }

    private int daemon() throws InterruptedException {
        ObservatoireSdk sdk = agent.openSdk(true,
                name -> new ProgressLine(name, err(), agent.terminal(), System::currentTimeMillis, agent.messages()));
        CountDownLatch closed = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            agent.requestStop();
            awaitQuietly(closed);
        }, "observatoire-agent-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            List<PluginStatus> plugins = sdk.pluginStatus();
            say("run.started", plugins.isEmpty() ? text("run.started.no.plugins")
                    : String.join(", ", plugins.stream().map(p -> p.name() + " (" + text("plugin.state." + p.state().name()) + ")").toList()));
            if (!sdk.status().enrolled()) {
                say("run.not.enrolled");
            }
            agent.awaitStop();
            say("run.stopping");
        } finally {
            sdk.close();
            closed.countDown();
            removeQuietly(hook);
        }
        return ExitCode.OK;
    }

    private static void awaitQuietly(CountDownLatch closed) {
        try {
            closed.await(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeQuietly(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is what stopped us.
        }
    }
}
