package fr.observatoire.ia.agent;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import fr.observatoire.ia.audit.AuditInProcess;
import fr.observatoire.ia.protocol.jose.Base64Url;
import fr.observatoire.ia.protocol.jose.Jws;
import fr.observatoire.ia.testkit.FakeObservatory;
import fr.observatoire.ia.testkit.ReceivedDeclaration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * receipts lists the outbox; receipts --export writes what a third party needs, and the third party's tool
 * (observatoire-audit verify-receipt, run in-process) verifies it, and refuses it once tampered with.
 */
class ReceiptsCommandTest {
    private static final String AUDIT = "  java -jar observatoire-audit.jar ";

    @TempDir
    Path dir;
    FakeObservatory observatory;
    AgentFixture agent;

    @BeforeEach
    void start() {
        observatory = FakeObservatory.start();
        agent = new AgentFixture(dir.resolve("agent"), observatory.baseUrl()).set("observatoire.plugins.enabled", "");
    }

    @AfterEach
    void stop() {
        observatory.close();
    }

    @Test
    void theExportedReceiptsVerifyWithTheAuditToolAndATamperedDeclarationDoesNot() throws Exception {
        Files.createDirectories(dir.resolve("agent"));
        assertThat(agent.run("enrol", observatory.issueEnrolmentCode(AgentFixture.NICE)).exit()).isEqualTo(ExitCode.OK);
        assertThat(agent.run("close-period").exit()).isEqualTo(ExitCode.OK);
        assertThat(agent.run("rotate-key").exit()).isEqualTo(ExitCode.OK);
        assertThat(agent.run("close-period").exit()).isEqualTo(ExitCode.OK);
        observatory.down();
        assertThat(agent.run("close-period", "--timeout", "PT1S").exit()).isEqualTo(ExitCode.FAILURE);
        List<ReceivedDeclaration> received = observatory.awaitDeclarations(2, Duration.ofSeconds(5));
        Path export = dir.resolve("recus");

        // Offline: what is exported is the collectivité's own evidence, kept in its store.
        AgentFixture.Result listed = agent.run("receipts");
        AgentFixture.Result exported = agent.run("receipts", "--export", export.toString());
        observatory.up();

        assertThat(listed.exit()).as(listed.all()).isEqualTo(ExitCode.OK);
        assertThat(listed.out()).contains("Déclarations de la boîte d’envoi (3) :",
                "  n° 1  ENVOYÉE  du ", "journal n° " + received.get(0).receipt().logIndex(),
                "  n° 2  ENVOYÉE  du ", "journal n° " + received.get(1).receipt().logIndex(), "  n° 3  EN ATTENTE  du ",
                "id " + received.get(0).declaration().id() + "  " + received.get(0).receipt().declarationHash(),
                "Clé du journal de l’observatoire (reçue à l’inscription) : " + observatory.logKey().vkey());
        assertThat(exported.exit()).as(exported.all()).isEqualTo(ExitCode.OK);
        assertThat(exported.out()).contains("2 déclaration(s) exportée(s) avec leur reçu dans " + export.toAbsolutePath());
        try (var files = Files.list(export)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted()).containsExactly(
                    name(received.get(0)) + ".jws", name(received.get(0)) + ".receipt.json",
                    name(received.get(1)) + ".jws", name(received.get(1)) + ".receipt.json", "log-key.txt");
        }
        for (ReceivedDeclaration declaration : received) {
            assertThat(export.resolve(name(declaration) + ".jws")).hasContent(declaration.jws());
        }
        assertThat(Files.readString(export.resolve("log-key.txt")).strip()).isEqualTo(observatory.logKey().vkey());

        List<String[]> commands = auditCommands(exported.out());
        assertThat(commands).hasSize(2);
        for (String[] command : commands) {
            AuditInProcess.Result audit = AuditInProcess.run(command);
            assertThat(audit.exit()).as(audit.all()).isZero();
        }

        Path jws = export.resolve(name(received.get(1)) + ".jws");
        Files.writeString(jws, tampered(Files.readString(jws)), StandardCharsets.US_ASCII);
        AuditInProcess.Result refused = AuditInProcess.run(commands.get(1));
        assertThat(refused.exit()).as(refused.all()).isEqualTo(1);
        assertThat(refused.out()).contains("ÉCHEC");
    }

    /**
     * A declaration whose answer was lost, then re-signed by a key rotation before it was sent again: the observatory
     * logged the first signature and answers the repeat with the first receipt. The export gives that JWS.
     */
    @Test
    void theExportGivesTheSignatureTheObservatoryLoggedAfterARotationReSignedTheDeclaration() throws Exception {
        Files.createDirectories(dir.resolve("agent"));
        assertThat(agent.run("enrol", observatory.issueEnrolmentCode(AgentFixture.NICE)).exit()).isEqualTo(ExitCode.OK);
        agent.set("observatoire.retry.initial-backoff", "PT1H").set("observatoire.retry.max-backoff", "PT1H");
        observatory.loseNextAnswer();
        assertThat(agent.run("close-period", "--timeout", "PT1S").exit()).isEqualTo(ExitCode.FAILURE);
        ReceivedDeclaration logged = observatory.awaitDeclarations(1, Duration.ofSeconds(5)).get(0);
        StubMapping declarationsUnavailable = observatory.wireMock().stubFor(WireMock.post(WireMock.urlPathEqualTo(
                FakeObservatory.DECLARATIONS_PATH)).atPriority(1).willReturn(WireMock.aResponse().withStatus(503)));
        AgentFixture.Result rotated = agent.run("rotate-key");
        assertThat(rotated.out()).as(rotated.all()).contains("1 déclaration(s) en attente ont été signées de nouveau avec la nouvelle clé");
        observatory.wireMock().removeStub(declarationsUnavailable);
        agent.set("observatoire.retry.initial-backoff", "20ms").set("observatoire.retry.max-backoff", "200ms");
        AgentFixture.Result flushed = agent.run("flush");
        assertThat(flushed.exit()).as(flushed.all()).isEqualTo(ExitCode.OK);
        Path export = dir.resolve("recus");

        AgentFixture.Result exported = agent.english().run("receipts", "--export", export.toString());

        assertThat(exported.exit()).as(exported.all()).isEqualTo(ExitCode.OK);
        assertThat(exported.out()).contains("1 declaration(s) exported with their receipt to " + export.toAbsolutePath(),
                "To verify each receipt");
        String exportedJws = Files.readString(export.resolve(name(logged) + ".jws"));
        assertThat(exportedJws).as("the signature the observatory logged, by the first key").isEqualTo(logged.jws());
        assertThat(Jws.parse(exportedJws).kid()).contains(logged.kid());
        AuditInProcess.Result audit = AuditInProcess.run(auditCommands(exported.out()).get(0));
        assertThat(audit.exit()).as(audit.all()).isZero();
    }

    @Test
    void withNothingSentThereIsNothingToExport() throws Exception {
        Files.createDirectories(dir.resolve("agent"));
        AgentFixture.Result before = agent.run("receipts", "--export", dir.resolve("recus").toString());

        assertThat(before.exit()).as(before.all()).isEqualTo(ExitCode.OK);
        assertThat(before.out()).contains("Aucune déclaration dans la boîte d’envoi.", "Clé du journal de l’observatoire : inconnue",
                "Rien à exporter");
    }

    private static String name(ReceivedDeclaration declaration) {
        return declaration.declaration().sequence() + "-" + declaration.declaration().id();
    }

    /** The command lines the agent printed, as arguments for observatoire-audit. */
    private static List<String[]> auditCommands(String out) {
        return out.lines().filter(l -> l.startsWith(AUDIT)).map(l -> l.substring(AUDIT.length()).split(" "))
                .peek(args -> assertThat(args[0]).isEqualTo("verify-receipt")).map(args -> Arrays.copyOf(args, args.length)).toList();
    }

    /** The same JWS with a number of its payload changed: the receipt, the signature and the log no longer match it. */
    private static String tampered(String jws) {
        String[] parts = jws.split("\\.");
        String payload = new String(Base64Url.decode(parts[1]), StandardCharsets.UTF_8);
        String changed = payload.replaceFirst("\"records\":(\\d+)", "\"records\":9$1");
        assertThat(changed).isNotEqualTo(payload);
        return parts[0] + "." + Base64Url.encode(changed.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }
}
