package fr.observatoire.ia.sdk.internal.privacy;

import fr.observatoire.ia.model.ActionKind;
import fr.observatoire.ia.model.ActivityCount;
import fr.observatoire.ia.model.Declaration;
import fr.observatoire.ia.model.LossCount;
import fr.observatoire.ia.model.LossReason;
import fr.observatoire.ia.model.Service;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SmallCountRuleTest {
    @Test
    void self_declarations_below_three_in_a_service_are_collapsed_into_transversal() {
        Declaration declared = SmallCountRule.apply(Declarations.with(List.of(
                self("chatgpt", Service.FINANCE, 5), self("chatgpt", Service.HUMAN_RESOURCES, 1),
                new ActivityCount("chatgpt", Service.HUMAN_RESOURCES, ActionKind.WEB_ACCESS, 1))));

        assertThat(declared.activity()).containsExactly(
                new ActivityCount("chatgpt", Service.HUMAN_RESOURCES, ActionKind.WEB_ACCESS, 1),
                self("chatgpt", Service.TRANSVERSAL, 6));
        assertThat(declared.provenance().losses()).isEmpty();
    }

    @Test
    void a_usage_with_fewer_than_three_self_declarations_in_all_is_dropped_and_counted_as_a_loss() {
        Declaration declared = SmallCountRule.apply(Declarations.with(List.of(
                self("chatgpt", Service.FINANCE, 1), self("chatgpt", Service.COMMUNICATION, 1), self("lechat", Service.FINANCE, 4))));

        assertThat(declared.activity()).containsExactly(self("lechat", Service.FINANCE, 4));
        assertThat(declared.provenance().losses()).containsExactly(new LossCount(LossReason.PRIVACY_FILTERED, "api", 2));
    }

    @Test
    void cells_of_three_or_more_stay_per_service() {
        Declaration proposed = Declarations.with(List.of(self("chatgpt", Service.FINANCE, 3), self("chatgpt", Service.URBAN_PLANNING, 7)));
        assertThat(SmallCountRule.apply(proposed)).isSameAs(proposed);
    }

    private static ActivityCount self(String usage, Service service, long count) {
        return new ActivityCount(usage, service, ActionKind.SELF_DECLARATION, count);
    }
}
