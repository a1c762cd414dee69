package fr.observatoire.ia.agent;

import fr.observatoire.ia.testkit.FakeObservatory;
import fr.observatoire.ia.testkit.KeyState;
import fr.observatoire.ia.testkit.ReceivedDeclaration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * rotate-key and revoke-key against a stand-in observatory that implements rotations and revocations for real: the
 * rollover signed by both keys, the revocation signed by the key, and the declarations that follow admitted or
 * refused by the key's state.
 */
class KeyCommandsTest {
    private static final String KID_LINE = "Empreinte de la clé de signature (kid) : ";

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
    void afterARotationTheNextDeclarationIsSignedByTheNewKeyAndAccepted() throws Exception {
        String first = enrol();
        assertThat(agent.run("close-period").exit()).isEqualTo(ExitCode.OK);

        AgentFixture.Result rotated = agent.run("rotate-key");
        AgentFixture.Result closed = agent.run("close-period");
        AgentFixture.Result flushed = agent.run("flush");
        AgentFixture.Result status = agent.run("status");

        assertThat(rotated.exit()).as(rotated.all()).isEqualTo(ExitCode.OK);
        assertThat(rotated.out()).contains("Clé de signature remplacée", "Ancienne clé (kid), retirée : " + first,
                "signing-key." + first + ".retired.jwk");
        String second = line(rotated.out(), "Nouvelle clé (kid), en service : ");
        assertThat(second).isNotEqualTo(first);
        assertThat(observatory.keyState(first)).contains(KeyState.RETIRED);
        assertThat(observatory.replacedBy(first)).contains(second);
        assertThat(observatory.keyState(second)).contains(KeyState.ACTIVE);
        assertThat(agent.dataDir().resolve("signing-key." + first + ".retired.jwk")).exists();
        assertThat(closed.exit()).as(closed.all()).isEqualTo(ExitCode.OK);
        assertThat(flushed.exit()).as(flushed.all()).isEqualTo(ExitCode.OK);
        List<ReceivedDeclaration> received = observatory.awaitDeclarations(2, Duration.ofSeconds(5));
        assertThat(received).extracting(ReceivedDeclaration::kid).containsExactly(first, second);
        assertThat(received.get(1).declaration().previousHash()).isEqualTo(received.get(0).receipt().declarationHash());
        assertThat(status.out()).contains("Inscription        : inscrite, clé " + second);

        AgentFixture.Result again = agent.english().run("rotate-key");
        assertThat(again.exit()).as(again.all()).isEqualTo(ExitCode.OK);
        assertThat(again.out()).contains("Signing key replaced", "Old key (kid), retired: " + second, "New key (kid), in use: ");
    }

    @Test
    void aRotationTheObservatoryDidNotAnswerIsFinishedByTheSdkBeforeItNextSends() throws Exception {
        String first = enrol();
        observatory.down();

        AgentFixture.Result unanswered = agent.run("rotate-key");
        observatory.up();
        AgentFixture.Result closed = agent.run("close-period");

        assertThat(unanswered.exit()).as(unanswered.all()).isEqualTo(ExitCode.FAILURE);
        assertThat(unanswered.err()).contains("Changement de clé inachevé", "signing-key.next.jwk",
                "le SDK terminera la rotation de lui-même", "la clé actuelle " + first + " reste utilisée");
        assertThat(closed.exit()).as(closed.all()).isEqualTo(ExitCode.OK);
        ReceivedDeclaration received = observatory.awaitDeclarations(1, Duration.ofSeconds(5)).get(0);
        assertThat(received.kid()).isNotEqualTo(first);
        assertThat(observatory.keyState(first)).contains(KeyState.RETIRED);
        assertThat(observatory.replacedBy(first)).contains(received.kid());
        assertThat(agent.dataDir().resolve("signing-key.next.jwk")).doesNotExist();
    }

    @Test
    void aRotationTheObservatoryRefusesEndsWith3WithItsProblemAndTheKeyStays() throws Exception {
        String kid = enrol();
        observatory.revoke(kid);

        AgentFixture.Result refused = agent.run("rotate-key");
        AgentFixture.Result english = agent.english().run("rotate-key");

        assertThat(refused.exit()).as(refused.all()).isEqualTo(ExitCode.REFUSED);
        assertThat(refused.err()).startsWith("L’observatoire a refusé le changement de clé (key-revoked, HTTP 403) : la clé actuelle "
                + kid + " reste en service.").contains("was revoked");
        assertThat(english.exit()).isEqualTo(ExitCode.REFUSED);
        assertThat(english.err()).startsWith("The observatory refused the key rotation (key-revoked, HTTP 403)");
        assertThat(agent.dataDir().resolve("signing-key.next.jwk")).doesNotExist();
    }

    @Test
    void withoutEnrolmentThereIsNoKeyToRotateOrRevoke() throws Exception {
        AgentFixture.Result rotate = agent.run("rotate-key");
        AgentFixture.Result revoke = agent.english().run("revoke-key", "--yes");

        assertThat(rotate.exit()).isEqualTo(ExitCode.NOT_ENROLLED);
        assertThat(rotate.err()).contains("n’est pas encore inscrite", "enrol CODE");
        assertThat(revoke.exit()).isEqualTo(ExitCode.NOT_ENROLLED);
        assertThat(revoke.err()).contains("not enrolled");
    }

    @Test
    void afterARevocationNothingIsDeclaredUntilANewEnrolmentThenTheChainGoesOn() throws Exception {
        String kid = enrol();
        assertThat(agent.run("close-period").exit()).isEqualTo(ExitCode.OK);

        AgentFixture.Result unconfirmed = agent.run("revoke-key");
        AgentFixture.Result revoked = agent.run("revoke-key", "--yes", "--reason", "poste compromis");
        AgentFixture.Result closed = agent.run("close-period");
        AgentFixture.Result flushed = agent.english().run("flush");
        AgentFixture.Result status = agent.french().run("status");
        AgentFixture.Result verify = agent.run("verify");

        assertThat(unconfirmed.exit()).as("no terminal to confirm at").isEqualTo(ExitCode.USAGE);
        assertThat(unconfirmed.err()).contains("ajoutez --yes");
        assertThat(revoked.exit()).as(revoked.all()).isEqualTo(ExitCode.OK);
        assertThat(revoked.out()).contains("Clé " + kid + " révoquée par l’observatoire (motif public : poste compromis).",
                "Le SDK ne signe plus rien", "demandez un nouveau code d’inscription à l’observatoire", "observatoire-agent enrol CODE");
        assertThat(observatory.keyState(kid)).contains(KeyState.REVOKED);
        assertThat(observatory.revocationReason(kid)).contains("poste compromis");
        assertThat(closed.exit()).as(closed.all()).isEqualTo(ExitCode.NOT_ENROLLED);
        assertThat(closed.err()).contains("a été révoquée", "nouveau code d’inscription", "observatoire-agent enrol CODE");
        assertThat(flushed.exit()).isEqualTo(ExitCode.NOT_ENROLLED);
        assertThat(flushed.err()).contains("was revoked", "new enrolment code");
        assertThat(status.out()).contains("clé RÉVOQUÉE", "observatoire-agent enrol CODE", "ALERTE : Clé de signature révoquée");
        assertThat(verify.exit()).isEqualTo(ExitCode.NOT_ENROLLED);
        assertThat(verify.out()).contains("ÉCHEC  clé de signature révoquée (" + kid + " (poste compromis))");
        assertThat(observatory.declarations()).hasSize(1);

        AgentFixture.Result enrolled = agent.run("enrol", observatory.issueEnrolmentCode(AgentFixture.NICE));
        AgentFixture.Result declared = agent.run("close-period");

        assertThat(enrolled.exit()).as(enrolled.all()).isEqualTo(ExitCode.OK);
        String newKid = line(enrolled.out(), KID_LINE);
        assertThat(declared.exit()).as(declared.all()).isEqualTo(ExitCode.OK);
        List<ReceivedDeclaration> received = observatory.awaitDeclarations(2, Duration.ofSeconds(5));
        assertThat(received).extracting(ReceivedDeclaration::kid).containsExactly(kid, newKid);
        assertThat(received.get(1).declaration().sequence()).isEqualTo(2);
    }

    @Test
    void aKeyTheObservatoryRevokedGetsTheNextDeclarationRefusedAndStatusSaysToEnrolAgain() throws Exception {
        String kid = enrol();
        observatory.revoke(kid);

        AgentFixture.Result closed = agent.run("close-period", "--timeout", "PT10S");
        AgentFixture.Result status = agent.run("status");

        assertThat(closed.exit()).as(closed.all()).isEqualTo(ExitCode.REFUSED);
        assertThat(closed.err()).contains("L’observatoire refuse la clé de signature, révoquée : 1 déclaration(s) restent en attente",
                "observatoire-agent enrol CODE", "Clé : " + kid + " (revoked by the observatory)");
        assertThat(observatory.refusals()).anySatisfy(problem -> assertThat(problem.slug()).isEqualTo("key-revoked"));
        assertThat(observatory.declarations()).isEmpty();
        assertThat(status.out()).contains("clé RÉVOQUÉE", "Envois             : 1 en attente");
    }

    @Test
    void atATerminalTheRevocationWaitsForAYes() throws Exception {
        String kid = enrol();

        AgentFixture.Result declined = agent.runAtTerminal("non\n", "revoke-key");
        assertThat(observatory.keyState(kid)).contains(KeyState.ACTIVE);
        AgentFixture.Result confirmed = agent.english().runAtTerminal("yes\n", "revoke-key");

        assertThat(declined.exit()).isEqualTo(ExitCode.FAILURE);
        assertThat(declined.out()).contains("La clé " + kid + " de la collectivité (SIREN 210600888) va être révoquée", "Tapez « oui »");
        assertThat(declined.err()).contains("Révocation annulée");
        assertThat(confirmed.exit()).as(confirmed.all()).isEqualTo(ExitCode.OK);
        assertThat(confirmed.out()).contains("Type \"yes\" to revoke", "Key " + kid + " revoked by the observatory",
                "ask the observatory for a new enrolment code");
        assertThat(observatory.keyState(kid)).contains(KeyState.REVOKED);
    }

    private String enrol() throws Exception {
        AgentFixture.Result enrolled = agent.run("enrol", observatory.issueEnrolmentCode(AgentFixture.NICE));
        assertThat(enrolled.exit()).as(enrolled.all()).isEqualTo(ExitCode.OK);
        return line(enrolled.out(), KID_LINE);
    }

    static String line(String text, String prefix) {
        return text.lines().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).findFirst()
                .orElseThrow(() -> new AssertionError("no line '" + prefix + "' in " + text));
    }
}
