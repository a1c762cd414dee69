package fr.observatoire.ia.sdk.internal.privacy;

import fr.observatoire.ia.model.ActiveAgents;
import fr.observatoire.ia.model.ActivityCount;
import fr.observatoire.ia.model.Declarant;
import fr.observatoire.ia.model.Declaration;
import fr.observatoire.ia.model.Incidents;
import fr.observatoire.ia.model.Inventory;
import fr.observatoire.ia.model.LossCount;
import fr.observatoire.ia.model.LossReason;
import fr.observatoire.ia.model.Provenance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Copies of a declaration with some parts replaced: the filters never edit, they build the declaration that leaves. */
final class Rebuild {
    private Rebuild() {
    }

    static Declaration with(Declaration d, Declarant declarant, Inventory inventory, List<ActivityCount> activity,
                            List<ActiveAgents> agents, Incidents incidents, Provenance provenance) {
        return new Declaration(d.schema(), d.id(), d.sequence(), d.previousHash(), d.issuedAt(), d.period(), declarant,
                inventory, activity, agents, incidents, provenance);
    }

    static Declaration withActivity(Declaration d, List<ActivityCount> activity, Provenance provenance) {
        return with(d, d.declarant(), d.inventory(), activity, d.activeAgents(), d.incidents(), provenance);
    }

    /** {@code provenance} with {@code count} more losses of this reason and source, in the assembler's order. */
    static Provenance withLoss(Provenance provenance, LossReason reason, String source, long count) {
        if (count <= 0) {
            return provenance;
        }
        List<LossCount> losses = new ArrayList<>();
        long total = count;
        for (LossCount loss : provenance.losses()) {
            if (loss.reason() == reason && source.equals(loss.source())) {
                total += loss.count();
            } else {
                losses.add(loss);
            }
        }
        losses.add(new LossCount(reason, source, total));
        losses.sort(Comparator.comparing(LossCount::reason).thenComparing(LossCount::source, Comparator.nullsFirst(Comparator.naturalOrder())));
        return new Provenance(provenance.sdkName(), provenance.sdkVersion(), provenance.sources(), losses);
    }

    static final Comparator<ActivityCount> ACTIVITY_ORDER = Comparator.comparing(ActivityCount::usageId)
            .thenComparing(ActivityCount::service).thenComparing(ActivityCount::action);
}
