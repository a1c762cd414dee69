package fr.observatoire.ia.sdk.internal.counters;

import fr.observatoire.ia.api.ActivityCounter;
import fr.observatoire.ia.model.ActionKind;
import fr.observatoire.ia.model.LossReason;
import fr.observatoire.ia.model.Service;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class RecorderTest {
    private final Recorder recorder = new Recorder(3, Pseudonymizer.withSecret(new byte[32]));

    @Test
    void handles_are_cached_and_the_cap_sends_new_series_to_an_overflow_loss() {
        ActivityCounter a = recorder.activity("a", Service.FINANCE, ActionKind.PROMPT);
        assertThat(recorder.activity("a", Service.FINANCE, ActionKind.PROMPT)).isSameAs(a);
        recorder.activity("b", Service.FINANCE, ActionKind.PROMPT).add(1);
        recorder.activity("c", Service.FINANCE, ActionKind.PROMPT).add(1);
        ActivityCounter overflow = recorder.activity("d", Service.FINANCE, ActionKind.PROMPT);
        assertThat(recorder.activity("e", Service.FINANCE, ActionKind.PROMPT)).isSameAs(overflow);
        overflow.add(5);
        a.add(2);

        CheckpointBatch batch = recorder.drain();
        assertThat(batch.activity()).hasSize(3).containsEntry(new ActivityKey("a", Service.FINANCE, ActionKind.PROMPT), 2L);
        assertThat(batch.losses()).containsEntry(new LossKey(LossReason.CARDINALITY_OVERFLOW, "api"), 5L);
        assertThat(recorder.activitySeries()).isEqualTo(3);
    }

    @Test
    void nothing_throws_into_the_host_except_null_handle_arguments() {
        recorder.activity("Pas un identifiant", Service.FINANCE, ActionKind.PROMPT).add(4);
        recorder.activity("a", Service.FINANCE, ActionKind.PROMPT).add(-3);
        recorder.agentActive(null, "x");
        recorder.agentActive("a", " ");
        recorder.declareInventory(null);
        recorder.reportIncident(null);
        recorder.reportSource(null);
        recorder.recordLoss(null, null, 1);
        assertThatNullPointerException().isThrownBy(() -> recorder.activity(null, Service.FINANCE, ActionKind.PROMPT));

        CheckpointBatch batch = recorder.drain();
        assertThat(batch.activity()).isEmpty();
        assertThat(batch.losses()).containsEntry(new LossKey(LossReason.MALFORMED_INPUT, "api"), 4L + 4L);
    }

    @Test
    void a_failed_checkpoint_puts_everything_back() {
        recorder.activity("a", Service.FINANCE, ActionKind.PROMPT).add(3);
        recorder.agentActive("a", "agent-1");
        recorder.recordLoss(LossReason.SOURCE_FAILURE, "glpi", 2);
        CheckpointBatch first = recorder.drain();
        recorder.activity("a", Service.FINANCE, ActionKind.PROMPT).add(1);
        recorder.restore(first);

        CheckpointBatch second = recorder.drain();
        assertThat(second.activity()).containsEntry(new ActivityKey("a", Service.FINANCE, ActionKind.PROMPT), 4L);
        assertThat(second.agents()).containsOnlyKeys("a");
        assertThat(second.agents().get("a")).hasSize(1);
        assertThat(second.losses()).containsEntry(new LossKey(LossReason.SOURCE_FAILURE, "glpi"), 2L);
    }

    @Test
    void agents_are_pseudonymised_and_saturate_at_the_top_band() {
        for (int i = 0; i < 600; i++) {
            recorder.agentActive("a", "agent" + i + "@ville.fr");
        }
        recorder.agentActive("a", "agent1@ville.fr");
        Map<String, List<String>> agents = recorder.drain().agents();
        assertThat(agents.get("a")).hasSize(AgentBands.SATURATION).allMatch(p -> p.matches("[0-9a-f]{32}"));
        assertThat(String.join(",", agents.get("a"))).doesNotContain("@");
    }
}
