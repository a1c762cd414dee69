package fr.observatoire.ia.agent;

import fr.observatoire.ia.testkit.FakeObservatory;
import fr.observatoire.ia.testkit.ReceivedDeclaration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** enrol, status, close-period, flush and verify against a stand-in observatory that really verifies signatures. */
class ObservatoryCommandsTest {
    @TempDir
    Path dir;
    FakeObservatory observatory;
    AgentFixture agent;

    @BeforeEach
    void start() {
        observatory = FakeObservatory.start();
        agent = new AgentFixture(dir, observatory.baseUrl()).set("observatoire.plugins.enabled", "");
    }

    @AfterEach
    void stop() {
        observatory.close();
    }

    @Test
    void enrolShowsTheKeyAndTheLogKeyThenClosePeriodSendsASignedDeclaration() throws Exception {
        AgentFixture.Result enrolled = agent.run("enrol", observatory.issueEnrolmentCode(AgentFixture.NICE));
        AgentFixture.Result status = agent.run("status");
        AgentFixture.Result closed = agent.run("close-period");
        AgentFixture.Result flushed = agent.run("flush");

        assertThat(enrolled.exit()).as(enrolled.all()).isEqualTo(ExitCode.OK);
        String kid = line(enrolled.out(), "Empreinte de la clé de signature (kid) : ");
        assertThat(observatory.sirenOf(kid)).contains(AgentFixture.NICE.siren());
        assertThat(enrolled.out()).contains("Clé du journal de l’observatoire : " + observatory.logKey().vkey(),
                "Comparez cette clé");
        assertThat(status.out()).contains("Inscription        : inscrite, clé " + kid, "Envois             : 0 en attente");
        assertThat(closed.exit()).as(closed.all()).isEqualTo(ExitCode.OK);
        assertThat(closed.out()).contains("Déclaration n° 1", "signée et mise en file d’envoi", "Envoyé : 1 déclaration(s)");
        List<ReceivedDeclaration> received = observatory.awaitDeclarations(1, Duration.ofSeconds(5));
        assertThat(received).singleElement().satisfies(d -> {
            assertThat(d.kid()).isEqualTo(kid);
            assertThat(d.declaration().declarant()).isEqualTo(AgentFixture.NICE);
        });
        assertThat(flushed.exit()).isEqualTo(ExitCode.OK);
        assertThat(flushed.out()).contains("0 déclaration(s) en attente");
    }

    @Test
    void aRefusedCodeEndsWithStatus3AndExplainsInEnglishWhenAsked() throws Exception {
        AgentFixture.Result refused = agent.english().run("enrol", "NOT-A-CODE");

        assertThat(refused.exit()).as(refused.all()).isEqualTo(ExitCode.REFUSED);
        assertThat(refused.err()).startsWith("The observatory refused the enrolment: ");
    }

    @Test
    void verifyChecksTheKeyTheConfigurationAndTheLog() throws Exception {
        agent.run("enrol", observatory.issueEnrolmentCode(AgentFixture.NICE));
        agent.run("close-period");

        AgentFixture.Result fine = agent.run("verify");
        Files.setPosixFilePermissions(agent.dataDir().resolve(VerifyCommand.SIGNING_KEY_FILE), PosixFilePermissions.fromString("rw-r--r--"));
        AgentFixture.Result exposed = agent.run("verify");

        assertThat(fine.exit()).as(fine.all()).isEqualTo(ExitCode.OK);
        assertThat(fine.out()).contains("OK     configuration", "OK     clé de signature", "OK     journal de l’observatoire cohérent");
        assertThat(exposed.exit()).isEqualTo(ExitCode.VERIFICATION_FAILED);
        assertThat(exposed.out()).contains("ÉCHEC  la clé", "chmod 600");
    }

    @Test
    void withoutEnrolmentNothingCanBeDeclared() throws Exception {
        AgentFixture.Result close = agent.run("close-period");
        AgentFixture.Result flush = agent.english().run("flush");
        AgentFixture.Result verify = agent.run("verify");

        assertThat(close.exit()).isEqualTo(ExitCode.NOT_ENROLLED);
        assertThat(close.err()).contains("n’est pas encore inscrite", "observatoire-agent enrol CODE");
        assertThat(flush.exit()).isEqualTo(ExitCode.NOT_ENROLLED);
        assertThat(flush.err()).contains("not enrolled");
        assertThat(verify.exit()).isEqualTo(ExitCode.NOT_ENROLLED);
        assertThat(observatory.declarations()).isEmpty();
    }

    @Test
    void anUnreachableObservatoryIsAnOperationalFailure() throws Exception {
        AgentFixture nowhere = new AgentFixture(dir.resolve("elsewhere"), AgentFixture.NOWHERE);
        Files.createDirectories(dir.resolve("elsewhere"));

        AgentFixture.Result enrol = nowhere.run("enrol", "SOME-CODE");

        assertThat(enrol.exit()).as(enrol.all()).isEqualTo(ExitCode.FAILURE);
        assertThat(enrol.err()).startsWith("Inscription impossible : ");
    }

    @Test
    void aDeclarationThatCannotBeSentStaysQueuedAndFlushSaysSo() throws Exception {
        agent.run("enrol", observatory.issueEnrolmentCode(AgentFixture.NICE));
        observatory.down();

        AgentFixture.Result closed = agent.run("close-period", "--timeout", "PT1S");
        observatory.up();
        AgentFixture.Result flushed = agent.run("flush", "--timeout", "PT10S");

        assertThat(closed.exit()).isEqualTo(ExitCode.FAILURE);
        assertThat(closed.err()).contains("1 déclaration(s) toujours en attente", "boîte d’envoi");
        assertThat(flushed.exit()).as(flushed.all()).isEqualTo(ExitCode.OK);
        assertThat(observatory.awaitDeclarations(1, Duration.ofSeconds(5))).hasSize(1);
    }

    private static String line(String text, String prefix) {
        return text.lines().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).findFirst()
                .orElseThrow(() -> new AssertionError("no line '" + prefix + "' in " + text));
    }
}
