package fr.observatoire.ia.sdk.internal.privacy;

import fr.observatoire.ia.model.ActionKind;
import fr.observatoire.ia.model.ActivityCount;
import fr.observatoire.ia.model.Declaration;
import fr.observatoire.ia.model.LossReason;
import fr.observatoire.ia.model.Service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts about people do not single anyone out when crossed with a service (INSEE practice: no cell built on
 * fewer than 3 units). A {@link ActionKind#SELF_DECLARATION} is one agent saying "I use this tool": in a commune
 * where the finance service has two agents, "finance: 1" names someone. Other action kinds count actions, not
 * people, and are left as they are.
 *
 * <p>For each usage: if any of its self-declaration cells is below {@value #THRESHOLD}, all its self-declarations
 * are added up into one {@link Service#TRANSVERSAL} cell; if that total is still below the threshold, it is dropped
 * and counted as a {@link LossReason#PRIVACY_FILTERED} loss of source {@value #SOURCE}.
 */
public final class SmallCountRule {
    public static final int THRESHOLD = 3;
    public static final String SOURCE = "api";

    private SmallCountRule() {
    }

    public static Declaration apply(Declaration declaration) {
        Map<String, List<ActivityCount>> selfDeclarations = new LinkedHashMap<>();
        List<ActivityCount> activity = new ArrayList<>();
        for (ActivityCount count : declaration.activity()) {
            if (count.action() == ActionKind.SELF_DECLARATION) {
                selfDeclarations.computeIfAbsent(count.usageId(), id -> new ArrayList<>()).add(count);
            } else {
                activity.add(count);
            }
        }
        long dropped = 0;
        boolean changed = false;
        for (Map.Entry<String, List<ActivityCount>> usage : selfDeclarations.entrySet()) {
            List<ActivityCount> cells = usage.getValue();
            if (cells.stream().allMatch(cell -> cell.count() >= THRESHOLD)) {
                activity.addAll(cells);
                continue;
            }
            changed = true;
            long total = cells.stream().mapToLong(ActivityCount::count).sum();
            if (total >= THRESHOLD) {
                activity.add(new ActivityCount(usage.getKey(), Service.TRANSVERSAL, ActionKind.SELF_DECLARATION, total));
            } else {
                dropped += total;
            }
        }
        if (!changed) {
            return declaration;
        }
        activity.sort(Rebuild.ACTIVITY_ORDER);
        return Rebuild.withActivity(declaration, activity,
                Rebuild.withLoss(declaration.provenance(), LossReason.PRIVACY_FILTERED, SOURCE, dropped));
    }
}
