package fr.observatoire.ia.agent;

import fr.observatoire.ia.model.LossCount;
import fr.observatoire.ia.sdk.Alarm;
import fr.observatoire.ia.sdk.ObservatoireSdk;
import fr.observatoire.ia.sdk.PluginStatus;
import fr.observatoire.ia.sdk.SdkConfig;
import fr.observatoire.ia.sdk.SdkStatus;
import picocli.CommandLine.Command;

import java.util.List;

/** Where the agent stands: key, outbox, last receipt, log, losses, plugins, alarms. */
@Command(name = "status", aliases = "etat", description = {"Affiche l’état : clé, envois, reçus, plugins, pertes.",
        "Shows keys, outbox, receipts, plugin health and losses."})
final class StatusCommand extends AgentCommand {
    @Override
    public Integer call() {
        try (ObservatoireSdk sdk = agent.openSdk()) {
            SdkConfig config = sdk.config().orElseThrow();
            Display display = new Display(agent.messages(), config.zone());
            SdkStatus status = sdk.status();
            String name = config.declarant().name() != null ? config.declarant().name()
                    : agent.messages().english() ? config.declarant().kind().english() : config.declarant().kind().french();
            say("status.declarant", name, config.declarant().siren());
            say("status.endpoint", config.endpoint());
            say(status.enrolled() ? "status.enrolled" : status.alarm(Alarm.Kind.KEY_REVOKED).isPresent() ? "status.revoked"
                    : "status.not.enrolled", status.enrolledKid());
            if (status.openPeriod() != null) {
                say("status.period", status.openPeriod().start().toString(), status.openPeriod().end().toString());
            }
            say("status.declared", status.declaredThrough() == null ? text("never") : status.declaredThrough().toString());
            say("status.outbox", status.pendingDeclarations(), status.sentDeclarations(), status.quarantinedDeclarations());
            if (status.lastReceipt() != null) {
                say("status.receipt", status.lastReceipt().sequence(), display.time(status.lastReceipt().receivedAt()));
            }
            if (status.logCheckpoint() != null) {
                say("status.log", status.logCheckpoint().size(), status.logCheckpoint().origin());
            }
            if (status.lastError() != null) {
                say("status.error", status.lastError());
            }
            losses(status.lossesSoFar());
            plugins(sdk.pluginStatus(), display);
            for (Alarm alarm : status.alarms()) {
                say("status.alarm", alarm.message());
            }
            return ExitCode.OK;
        }
    }

    private void losses(List<LossCount> losses) {
        if (losses.isEmpty()) {
            say("status.losses.none");
            return;
        }
        say("status.losses");
        losses.forEach(loss -> out().println("  " + loss.source() + "  " + (agent.messages().english() ? loss.reason().english()
                : loss.reason().french()) + "  " + loss.count()));
    }

    private void plugins(List<PluginStatus> plugins, Display display) {
        if (plugins.isEmpty()) {
            say("status.plugins.none");
            return;
        }
        say("status.plugins");
        plugins.forEach(plugin -> out().println("  " + display.plugin(plugin)));
    }
}
