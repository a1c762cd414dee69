package fr.observatoire.ia.plugin.intranet;

import fr.observatoire.ia.api.Observatory;
import fr.observatoire.ia.model.ActionKind;
import fr.observatoire.ia.model.Service;
import fr.observatoire.ia.testkit.conformance.ThrowingObservatory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The interceptor and the producer in a real CDI container (Weld SE), found by bean discovery through the
 * {@code META-INF/beans.xml} the jar ships, as a host application's container would find them.
 */
class ObservedAiUsageCdiTest {
    private final RecordingObservatory recording = new RecordingObservatory();
    private WeldContainer container;

    @BeforeEach
    void startContainer() {
        container = new Weld().containerId(getClass().getSimpleName()).initialize();
    }

    @AfterEach
    void stopContainer() {
        container.close();
        IntranetRuntime.install(null, null);
    }

    @Test
    void counts_each_successful_invocation_of_an_annotated_method_and_nothing_else() {
        IntranetRuntime.install(recording, null);
        DraftingAssistant assistant = container.select(DraftingAssistant.class).get();

        assertThat(assistant.draft("état civil")).isEqualTo("Courrier : état civil");
        assertThat(assistant.draft("urbanisme")).isEqualTo("Courrier : urbanisme");
        assertThatThrownBy(() -> assistant.draft("")).isInstanceOf(IllegalArgumentException.class).hasMessage("empty subject");
        assertThat(assistant.spellCheck("texte")).isEqualTo("texte");
        assertThat(assistant.unnamed()).isEqualTo("done");

        assertThat(recording.count("redaction-courriers", Service.CIVIL_REGISTRY, ActionKind.DOCUMENT_DRAFTED)).isEqualTo(2);
        assertThat(recording.total()).isEqualTo(2);
    }

    @Test
    void an_annotated_bean_counts_every_business_method_and_each_counter_is_looked_up_once() {
        IntranetRuntime.install(recording, null);
        Instance<Chatbot> chatbots = container.select(Chatbot.class);
        for (int i = 0; i < 5; i++) {
            // A dependent bean: a new instance, hence a new interceptor instance, each time.
            assertThat(chatbots.get().answer("horaires ?")).isEqualTo("Ouvert de 8 h à 17 h.");
        }
        assertThat(recording.count("chatbot-accueil", Service.PUBLIC_RECEPTION, ActionKind.CHATBOT_CONVERSATION)).isEqualTo(5);
        assertThat(recording.calls("activity")).isEqualTo(1);
    }

    @Test
    void injected_observatory_follows_the_observatory_installed_after_the_bean_was_created() {
        TranscriptionService service = container.select(TranscriptionService.class).get();
        service.transcribe();
        IntranetRuntime.install(recording, null);
        service.transcribe();
        service.transcribe();

        assertThat(recording.count("transcription-cm", Service.COUNCIL_AFFAIRS, ActionKind.TRANSCRIPTION)).isEqualTo(2);
        service.observatory().close();
        service.transcribe();
        assertThat(recording.count("transcription-cm", Service.COUNCIL_AFFAIRS, ActionKind.TRANSCRIPTION))
                .as("close() on the injected view does not close the application's observatory").isEqualTo(3);
    }

    @Test
    void a_throwing_observatory_never_reaches_the_caller() {
        for (boolean failOnLookup : new boolean[] {true, false}) {
            ThrowingObservatory broken = new ThrowingObservatory(failOnLookup);
            IntranetRuntime.install(broken, null);
            assertThat(container.select(DraftingAssistant.class).get().draft("voirie")).isEqualTo("Courrier : voirie");
            assertThat(container.select(Chatbot.class).get().answer("?")).isEqualTo("Ouvert de 8 h à 17 h.");
            TranscriptionService service = container.select(TranscriptionService.class).get();
            service.transcribe();
            service.observatory().agentActive("transcription-cm", "jdupont");
            assertThat(service.observatory().flush(java.time.Duration.ofMillis(1))).isFalse();
            assertThat(broken.calls()).isPositive();
        }
    }

    @ApplicationScoped
    public static class DraftingAssistant {
        @ObservedAiUsage(usage = "redaction-courriers", service = Service.CIVIL_REGISTRY, action = ActionKind.DOCUMENT_DRAFTED)
        public String draft(String subject) {
            if (subject.isEmpty()) {
                throw new IllegalArgumentException("empty subject");
            }
            return "Courrier : " + subject;
        }

        public String spellCheck(String text) {
            return text;
        }

        /** Bound, but names no usage: not counted. */
        @ObservedAiUsage
        public String unnamed() {
            return "done";
        }
    }

    @Dependent
    @ObservedAiUsage(usage = "chatbot-accueil", service = Service.PUBLIC_RECEPTION, action = ActionKind.CHATBOT_CONVERSATION)
    public static class Chatbot {
        public String answer(String question) {
            return "Ouvert de 8 h à 17 h.";
        }
    }

    @ApplicationScoped
    public static class TranscriptionService {
        @Inject
        Observatory observatory;

        void transcribe() {
            observatory.activity("transcription-cm", Service.COUNCIL_AFFAIRS, ActionKind.TRANSCRIPTION).increment();
        }

        /** Through a method: the test holds the container's client proxy, whose own fields are empty. */
        Observatory observatory() {
            return observatory;
        }
    }
}
