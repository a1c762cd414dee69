package fr.observatoire.ia.sdk.internal.privacy;

import fr.observatoire.ia.model.ActiveAgents;
import fr.observatoire.ia.model.ActivityCount;
import fr.observatoire.ia.model.AiActAssessment;
import fr.observatoire.ia.model.AiUsage;
import fr.observatoire.ia.model.Declarant;
import fr.observatoire.ia.model.Declaration;
import fr.observatoire.ia.model.IncidentCount;
import fr.observatoire.ia.model.Incidents;
import fr.observatoire.ia.model.Inventory;
import fr.observatoire.ia.model.LossCount;
import fr.observatoire.ia.model.LossReason;
import fr.observatoire.ia.model.Provenance;
import fr.observatoire.ia.model.ReportedIncident;
import fr.observatoire.ia.model.SourceReport;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The last check before a declaration is signed: every free-text field is scanned for personal data
 * ({@link PersonalDataScanner}), and a declaration in which some is found is not signed. What is signed instead is
 * the same declaration without the records that carry it:
 * <ul>
 *   <li>a usage of the inventory: withheld whole, with its activity counts and agent bands (incident counts and
 *       reports that referred to it lose the reference);</li>
 *   <li>an individually reported incident: withheld whole;</li>
 *   <li>the declarant's name (informative only) is left out; a source's problem text is replaced by a fixed
 *       sentence; a source or loss name by {@value #WITHHELD_NAME}.</li>
 * </ul>
 * Withholding rather than redacting the match: a pattern finds the e-mail address, not the name written next to it,
 * so what surrounds a match is not trusted either. The withheld records are counted as one
 * {@link LossReason#PRIVACY_FILTERED} loss of source {@value #SOURCE} (one per usage, reported incident or text,
 * plus the actions counted for a withheld usage), so the observatory knows the declaration is incomplete and why.
 * The {@link Finding}s say where, never what: the caller reports them to the operator.
 */
public final class DeclarationGuard {
    public static final String SOURCE = "guard";
    static final String WITHHELD_NAME = "withheld";
    static final String WITHHELD_TEXT = "Texte retiré par le filtre de confidentialité / text withheld by the privacy filter";

    private DeclarationGuard() {
    }

    /**
     * Personal data found in a field of a declaration.
     *
     * @param item  the record, as an operator finds it again (the usage id, the incident id), never the data itself
     * @param field the field of that record
     * @param kind  what was found
     */
    public record Finding(String item, String field, PersonalDataKind kind) {
        public String describe() {
            return item + ", field " + field + ": " + kind.english();
        }
    }

    /** The declaration that may be signed, and what was withheld from the one proposed. */
    public record Outcome(Declaration declaration, List<Finding> findings) {
        public Outcome {
            findings = List.copyOf(findings);
        }

        public boolean withheldSomething() {
            return !findings.isEmpty();
        }
    }

    /** Every piece of personal data found in the free-text fields of {@code declaration}; empty if it may be signed. */
    public static List<Finding> inspect(Declaration declaration) {
        List<Finding> findings = new ArrayList<>();
        findings.addAll(scan(declaration.declarant()));
        for (int i = 0; i < declaration.inventory().usages().size(); i++) {
            findings.addAll(scan(i, declaration.inventory().usages().get(i)));
        }
        declaration.incidents().reported().forEach(incident -> findings.addAll(scan(incident)));
        for (int i = 0; i < declaration.provenance().sources().size(); i++) {
            findings.addAll(scan(i, declaration.provenance().sources().get(i)));
        }
        for (int i = 0; i < declaration.provenance().losses().size(); i++) {
            text("loss #" + (i + 1), "source", declaration.provenance().losses().get(i).source()).ifPresent(findings::add);
        }
        return findings;
    }

    /**
     * {@code proposed}, or a copy without the records carrying personal data.
     *
     * @throws IllegalStateException if the copy still carries some: then nothing may be signed
     */
    public static Outcome enforce(Declaration proposed) {
        List<Finding> findings = new ArrayList<>();
        long withheld = 0;

        Set<String> withheldUsages = new HashSet<>();
        List<AiUsage> usages = new ArrayList<>();
        for (int i = 0; i < proposed.inventory().usages().size(); i++) {
            AiUsage usage = proposed.inventory().usages().get(i);
            List<Finding> found = scan(i, usage);
            if (found.isEmpty()) {
                usages.add(usage);
            } else {
                findings.addAll(found);
                withheldUsages.add(usage.id());
                withheld++;
            }
        }
        List<ActivityCount> activity = new ArrayList<>();
        for (ActivityCount count : proposed.activity()) {
            if (withheldUsages.contains(count.usageId())) {
                withheld += count.count();
            } else {
                activity.add(count);
            }
        }
        List<ActiveAgents> agents = proposed.activeAgents().stream().filter(a -> !withheldUsages.contains(a.usageId())).toList();

        List<ReportedIncident> reported = new ArrayList<>();
        for (ReportedIncident incident : proposed.incidents().reported()) {
            List<Finding> found = scan(incident);
            if (found.isEmpty()) {
                reported.add(withheldUsages.contains(incident.usageId()) ? withoutUsage(incident) : incident);
            } else {
                findings.addAll(found);
                withheld++;
            }
        }

        Declarant declarant = proposed.declarant();
        List<Finding> aboutDeclarant = scan(declarant);
        if (!aboutDeclarant.isEmpty()) {
            findings.addAll(aboutDeclarant);
            declarant = new Declarant(declarant.kind(), declarant.siren(), declarant.inseeCode(), declarant.uai(), null);
            withheld++;
        }

        List<SourceReport> sources = new ArrayList<>();
        for (int i = 0; i < proposed.provenance().sources().size(); i++) {
            SourceReport source = proposed.provenance().sources().get(i);
            List<Finding> found = scan(i, source);
            findings.addAll(found);
            withheld += found.size();
            sources.add(found.isEmpty() ? source : cleaned(source, i));
        }
        List<LossCount> losses = new ArrayList<>();
        for (int i = 0; i < proposed.provenance().losses().size(); i++) {
            LossCount loss = proposed.provenance().losses().get(i);
            Optional<Finding> found = text("loss #" + (i + 1), "source", loss.source());
            found.ifPresent(findings::add);
            withheld += found.isPresent() ? 1 : 0;
            losses.add(found.isEmpty() ? loss : new LossCount(loss.reason(), WITHHELD_NAME, loss.count()));
        }

        if (findings.isEmpty()) {
            return new Outcome(proposed, List.of());
        }
        Provenance provenance = Rebuild.withLoss(new Provenance(proposed.provenance().sdkName(),
                proposed.provenance().sdkVersion(), sources, losses), LossReason.PRIVACY_FILTERED, SOURCE, withheld);
        Declaration cleaned = Rebuild.with(proposed, declarant, new Inventory(proposed.inventory().version(), usages),
                activity, agents, new Incidents(withoutUsages(proposed.incidents().counts(), withheldUsages), reported), provenance);
        List<Finding> left = inspect(cleaned);
        if (!left.isEmpty()) {
            throw new IllegalStateException("the privacy guard could not clean the declaration, which is therefore not signed: "
                    + left.get(0).describe());
        }
        return new Outcome(cleaned, findings);
    }

    private static List<Finding> scan(int index, AiUsage usage) {
        List<Finding> findings = new ArrayList<>();
        Optional<Finding> inId = text("usage #" + (index + 1) + " of the inventory", "id", usage.id());
        // The id names the usage in the report only when it is not itself the problem.
        String item = inId.isPresent() ? "usage #" + (index + 1) + " of the inventory" : "usage '" + usage.id() + "'";
        inId.ifPresent(findings::add);
        text(item, "name", usage.name()).ifPresent(findings::add);
        text(item, "description", usage.description()).ifPresent(findings::add);
        text(item, "tool", usage.tool()).ifPresent(findings::add);
        text(item, "provider", usage.provider()).ifPresent(findings::add);
        text(item, "modelFamily", usage.modelFamily()).ifPresent(findings::add);
        for (int i = 0; i < usage.uncertainties().size(); i++) {
            text(item, "uncertainties[" + i + "]", usage.uncertainties().get(i)).ifPresent(findings::add);
        }
        AiActAssessment aiAct = usage.aiAct();
        text(item, "aiAct.annexIiiPoint", aiAct.annexIiiPoint()).ifPresent(findings::add);
        text(item, "aiAct.euDatabaseUrl", string(aiAct.euDatabaseUrl())).ifPresent(findings::add);
        text(item, "aiAct.dpiaSummaryUrl", string(aiAct.dpiaSummaryUrl())).ifPresent(findings::add);
        text(item, "aiAct.friaSummaryUrl", string(aiAct.friaSummaryUrl())).ifPresent(findings::add);
        return findings;
    }

    private static List<Finding> scan(ReportedIncident incident) {
        String item = "reported incident " + incident.id();
        List<Finding> findings = new ArrayList<>();
        text(item, "summary", incident.summary()).ifPresent(findings::add);
        text(item, "correctiveAction", incident.correctiveAction()).ifPresent(findings::add);
        return findings;
    }

    private static List<Finding> scan(Declarant declarant) {
        return text("declarant", "name", declarant.name()).stream().toList();
    }

    private static List<Finding> scan(int index, SourceReport source) {
        String item = "source #" + (index + 1);
        List<Finding> findings = new ArrayList<>();
        text(item, "name", source.name()).ifPresent(findings::add);
        text(item, "problem", source.problem()).ifPresent(findings::add);
        return findings;
    }

    private static Optional<Finding> text(String item, String field, String value) {
        return PersonalDataScanner.find(value).map(kind -> new Finding(item, field, kind));
    }

    private static String string(URI uri) {
        return uri == null ? null : uri.toString();
    }

    private static SourceReport cleaned(SourceReport source, int index) {
        String name = PersonalDataScanner.find(source.name()).isPresent() ? WITHHELD_NAME + "-" + (index + 1) : source.name();
        String problem = PersonalDataScanner.find(source.problem()).isPresent() ? WITHHELD_TEXT : source.problem();
        return new SourceReport(name, source.version(), source.status(), source.records(), problem);
    }

    private static ReportedIncident withoutUsage(ReportedIncident i) {
        return new ReportedIncident(i.id(), null, i.category(), i.severity(), i.harmTypes(), i.occurredOn(), i.detectedOn(),
                i.summary(), i.correctiveAction(), i.approvedAt());
    }

    /** Incident counts that referred to a withheld usage keep counting, under no usage. */
    private static List<IncidentCount> withoutUsages(List<IncidentCount> counts, Set<String> withheldUsages) {
        if (counts.stream().noneMatch(c -> withheldUsages.contains(c.usageId()))) {
            return counts;
        }
        record Key(Object category, Object severity, String usageId) {
        }
        Map<Key, IncidentCount> merged = new LinkedHashMap<>();
        for (IncidentCount count : counts) {
            String usageId = withheldUsages.contains(count.usageId()) ? null : count.usageId();
            merged.merge(new Key(count.category(), count.severity(), usageId),
                    new IncidentCount(count.category(), count.severity(), usageId, count.count()),
                    (a, b) -> new IncidentCount(a.category(), a.severity(), usageId, a.count() + b.count()));
        }
        List<IncidentCount> result = new ArrayList<>(merged.values());
        result.sort(Comparator.comparing(IncidentCount::category).thenComparing(IncidentCount::severity)
                .thenComparing(IncidentCount::usageId, Comparator.nullsFirst(Comparator.naturalOrder())));
        return result;
    }
}
