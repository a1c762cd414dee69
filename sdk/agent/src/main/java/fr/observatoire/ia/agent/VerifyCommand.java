package fr.observatoire.ia.agent;

import fr.observatoire.ia.protocol.tlog.Checkpoint;
import fr.observatoire.ia.sdk.Alarm;
import fr.observatoire.ia.sdk.LogInconsistencyException;
import fr.observatoire.ia.sdk.LogVerificationException;
import fr.observatoire.ia.sdk.ObservatoireSdk;
import fr.observatoire.ia.sdk.PluginStatus;
import fr.observatoire.ia.sdk.SdkStatus;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import java.util.Set;

/**
 * Checks what can be checked without a person: the configuration (the SDK and every plugin start), the signing key
 * (enrolled, private to the agent's user), the receipts kept (alarms the SDK raised) and the observatory's
 * transparency log (consistent with every checkpoint seen). One line per check; the exit status is the worst.
 */
@Command(name = "verify", aliases = "verifier", description = {"Vérifie la configuration, la clé, les reçus et le journal de l’observatoire.",
        "Checks the configuration, the key, the receipts and the observatory's log."})
final class VerifyCommand extends AgentCommand {
    /** The key's file in the data directory (docs/configuration.md). */
    static final String SIGNING_KEY_FILE = "signing-key.jwk";

    private int worst = ExitCode.OK;

    @Override
    public Integer call() throws IOException {
        try (ObservatoireSdk sdk = agent.openSdk()) {
            ok("verify.config", agent.configFile.toAbsolutePath());
            for (PluginStatus plugin : sdk.pluginStatus()) {
                if (plugin.state() == PluginStatus.State.DISABLED) {
                    fail(ExitCode.USAGE, "verify.plugin.disabled", plugin.name(), plugin.problem());
                } else {
                    ok("verify.plugin", plugin.name());
                }
            }
            SdkStatus status = sdk.status();
            if (!status.enrolled()) {
                Optional<Alarm> revoked = status.alarm(Alarm.Kind.KEY_REVOKED);
                if (revoked.isPresent()) {
                    fail(ExitCode.NOT_ENROLLED, "verify.key.revoked", Sending.keyOf(revoked.get()));
                } else {
                    fail(ExitCode.NOT_ENROLLED, "verify.not.enrolled");
                }
                return worst;
            }
            key(sdk.config().orElseThrow().dataDir().resolve(SIGNING_KEY_FILE), status.enrolledKid());
            for (Alarm alarm : status.alarms()) {
                fail(ExitCode.VERIFICATION_FAILED, "verify.alarm", alarm.message());
            }
            if (status.quarantinedDeclarations() > 0) {
                fail(ExitCode.REFUSED, "verify.quarantined", status.quarantinedDeclarations());
            }
            log(sdk);
            return worst;
        }
    }

    private void key(Path file, String kid) throws IOException {
        if (!Files.isRegularFile(file)) {
            fail(ExitCode.VERIFICATION_FAILED, "verify.key.missing", file);
            return;
        }
        ok("verify.key", kid, file);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
                fail(ExitCode.VERIFICATION_FAILED, "verify.key.readable", file);
            }
        }
    }

    private void log(ObservatoireSdk sdk) {
        try {
            Checkpoint checkpoint = sdk.checkLog();
            ok("verify.log", checkpoint.origin(), checkpoint.size());
        } catch (LogInconsistencyException e) {
            fail(ExitCode.VERIFICATION_FAILED, "verify.log.inconsistent", e.getMessage());
        } catch (LogVerificationException e) {
            fail(ExitCode.FAILURE, "verify.log.unchecked", e.getMessage());
        }
    }

    private void ok(String key, Object... arguments) {
        out().println(text("verify.ok") + "  " + text(key, arguments));
    }

    private void fail(int exitCode, String key, Object... arguments) {
        out().println(text("verify.fail") + "  " + text(key, arguments));
        worst = Math.max(worst, exitCode);
    }
}
