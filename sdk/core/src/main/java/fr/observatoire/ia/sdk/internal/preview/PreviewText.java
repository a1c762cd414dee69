package fr.observatoire.ia.sdk.internal.preview;

import fr.observatoire.ia.model.ActiveAgents;
import fr.observatoire.ia.model.ActivityCount;
import fr.observatoire.ia.model.AiActAssessment;
import fr.observatoire.ia.model.AiUsage;
import fr.observatoire.ia.model.Declarant;
import fr.observatoire.ia.model.Declaration;
import fr.observatoire.ia.model.IncidentCount;
import fr.observatoire.ia.model.Labelled;
import fr.observatoire.ia.model.LossCount;
import fr.observatoire.ia.model.ReportedIncident;
import fr.observatoire.ia.model.SourceReport;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The declaration in words for a DPO, in French (or English), followed by the exact bytes that leave: the words
 * help to read, the bytes are what is signed, so nothing can hide between the two.
 */
public final class PreviewText {
    private final Locale locale;
    private final boolean english;
    private final DateTimeFormatter dates;
    private final StringBuilder out = new StringBuilder();

    private PreviewText(Locale locale) {
        this.english = locale != null && "en".equals(locale.getLanguage());
        this.locale = english ? Locale.ENGLISH : Locale.FRENCH;
        this.dates = DateTimeFormatter.ofPattern("d MMMM yyyy", this.locale);
    }

    /**
     * @param payload the exact bytes of the declaration
     * @param hash    their hash, {@code sha256:...}
     */
    public static String render(Declaration declaration, byte[] payload, String hash, Locale locale) {
        return new PreviewText(locale).write(declaration, payload, hash);
    }

    private String write(Declaration d, byte[] payload, String hash) {
        title(t("Aperçu de la déclaration à l'observatoire de l'IA", "Preview of the declaration to the AI observatory"));
        line(t("Ce texte aide à lire la déclaration ; ce qui part, ce sont les octets reproduits à la fin, signés tels quels.",
                "This text helps to read the declaration; what leaves are the bytes shown at the end, signed as they are."));
        out.append('\n');
        declarant(d.declarant());
        line(t("Période : ", "Period: ") + label(d.period().kind()).toLowerCase(locale) + t(" du ", " from ")
                + date(d.period().start()) + t(" au ", " to ") + date(d.period().end().minusDays(1)) + t(" inclus", " inclusive"));
        line(t("Déclaration n° ", "Declaration no. ") + d.sequence() + t(", identifiant ", ", id ") + d.id()
                + t(", établie le ", ", issued at ") + d.issuedAt());
        line(t("Chaînage : ", "Chain: ") + (d.previousHash() == null ? t("première déclaration", "first declaration")
                : t("suit la déclaration d'empreinte ", "follows the declaration with hash ") + d.previousHash()));

        section(t("Inventaire des usages (version ", "Inventory of usages (version ") + d.inventory().version() + ", "
                + d.inventory().usages().size() + t(" usage(s))", " usage(s))"));
        d.inventory().usages().forEach(this::usage);
        none(d.inventory().usages());

        long actions = d.activity().stream().mapToLong(ActivityCount::count).sum();
        section(t("Activité : ", "Activity: ") + actions + t(" action(s) en ", " action(s) in ") + d.activity().size()
                + t(" série(s)", " series"));
        for (ActivityCount count : d.activity()) {
            item(count.usageId() + " · " + label(count.service()) + " · " + label(count.action()) + colon() + count.count());
        }
        none(d.activity());

        section(t("Agents actifs, par tranche et par usage (jamais par service)", "Active agents, as bands per usage (never per service)"));
        for (ActiveAgents agents : d.activeAgents()) {
            item(agents.usageId() + colon() + label(agents.band()));
        }
        none(d.activeAgents());

        section(t("Incidents", "Incidents"));
        for (IncidentCount count : d.incidents().counts()) {
            item(label(count.category()) + " · " + label(count.severity())
                    + (count.usageId() == null ? "" : " · " + count.usageId()) + colon() + count.count());
        }
        d.incidents().reported().forEach(this::reported);
        if (d.incidents().counts().isEmpty() && d.incidents().reported().isEmpty()) {
            item(t("aucun", "none"));
        }

        section(t("Sources", "Sources"));
        for (SourceReport source : d.provenance().sources()) {
            item(source.name() + (source.version() == null ? "" : " " + source.version()) + colon() + label(source.status())
                    + ", " + source.records() + t(" enregistrement(s)", " record(s)")
                    + (source.problem() == null ? "" : " — " + source.problem()));
        }
        section(t("Pertes (ce qui n'a pas pu être déclaré, et pourquoi)", "Losses (what could not be declared, and why)"));
        for (LossCount loss : d.provenance().losses()) {
            item(label(loss.reason()) + " (" + loss.source() + ")" + colon() + loss.count());
        }
        none(d.provenance().losses());
        line(t("Logiciel : ", "Software: ") + d.provenance().sdkName() + " " + d.provenance().sdkVersion());

        section(t("Empreinte de la déclaration (SHA-256 des octets) : ", "Declaration hash (SHA-256 of the bytes): ") + hash);
        line(t("Octets exacts qui partent (", "Exact bytes that leave (") + payload.length
                + t(" octets, UTF-8, signés tels quels) :", " bytes, UTF-8, signed as they are):"));
        out.append(new String(payload, StandardCharsets.UTF_8)).append('\n');
        return out.toString();
    }

    private void declarant(Declarant declarant) {
        StringBuilder who = new StringBuilder(t("Déclarant : ", "Declarant: "));
        if (declarant.name() != null) {
            who.append(declarant.name()).append(" — ");
        }
        who.append(label(declarant.kind())).append(", SIREN ").append(declarant.siren());
        if (declarant.inseeCode() != null) {
            who.append(t(", code INSEE ", ", INSEE code ")).append(declarant.inseeCode());
        }
        if (declarant.uai() != null) {
            who.append(", UAI ").append(declarant.uai());
        }
        line(who.toString());
    }

    private void usage(AiUsage u) {
        item(u.id() + colon() + u.name());
        detail(t("Description", "Description"), u.description());
        detail(t("Outil", "Tool"), u.tool());
        detail(t("Fournisseur", "Provider"), u.provider());
        detail(t("Famille de modèles", "Model family"), u.modelFamily());
        detail(t("Hébergement", "Hosting"), label(u.hosting()));
        detail(t("Finalité", "Purpose"), label(u.purpose()));
        detail(t("Services", "Services"), labels(u.services()));
        detail(t("Maturité", "Maturity"), label(u.maturity()));
        detail(t("Gouvernance", "Governance"), label(u.governance()));
        detail(t("Données", "Data"), labels(u.dataCategories()));
        detail(t("Automatisation", "Automation"), label(u.automation()));
        detail(t("AI Act", "AI Act"), aiAct(u.aiAct()));
        detail(t("Obstacles", "Obstacles"), labels(u.obstacles()));
        detail(t("Incertitudes", "Uncertainties"), u.uncertainties().isEmpty() ? null : String.join(" | ", u.uncertainties()));
        detail(t("Publication", "Publication"), label(u.publication()));
    }

    private String aiAct(AiActAssessment aiAct) {
        StringBuilder text = new StringBuilder(label(aiAct.riskClass()));
        if (aiAct.annexIiiPoint() != null) {
            text.append(t(", annexe III point ", ", Annex III point ")).append(aiAct.annexIiiPoint());
        }
        if (aiAct.euDatabaseUrl() != null) {
            text.append(t(", base de l'UE ", ", EU database ")).append(aiAct.euDatabaseUrl());
        }
        if (aiAct.dpiaSummaryUrl() != null) {
            text.append(t(", résumé de l'AIPD ", ", DPIA summary ")).append(aiAct.dpiaSummaryUrl());
        }
        if (aiAct.friaSummaryUrl() != null) {
            text.append(t(", résumé de l'AIDF ", ", FRIA summary ")).append(aiAct.friaSummaryUrl());
        }
        return text.toString();
    }

    private void reported(ReportedIncident incident) {
        item(t("Signalé ", "Reported ") + incident.id() + colon() + label(incident.category()) + " · " + label(incident.severity())
                + t(", survenu le ", ", occurred on ") + date(incident.occurredOn())
                + (incident.usageId() == null ? "" : " · " + incident.usageId())
                + t(", approuvé le ", ", approved at ") + incident.approvedAt());
        detail(t("Résumé", "Summary"), incident.summary());
        detail(t("Mesure corrective", "Corrective action"), incident.correctiveAction());
        detail(t("Préjudices", "Harm types"), labels(incident.harmTypes()));
    }

    /** French puts a space before a colon, English does not. */
    private String colon() {
        return english ? ": " : " : ";
    }

    private String t(String french, String englishText) {
        return english ? englishText : french;
    }

    private String label(Labelled value) {
        return value.label(locale);
    }

    private String labels(List<? extends Labelled> values) {
        return values.isEmpty() ? null : values.stream().map(this::label).collect(Collectors.joining(", "));
    }

    private String date(LocalDate date) {
        return dates.format(date);
    }

    private void title(String text) {
        line(text);
        line("=".repeat(text.length()));
    }

    private void section(String text) {
        out.append('\n');
        line(text);
    }

    private void line(String text) {
        out.append(text).append('\n');
    }

    private void item(String text) {
        line("- " + text);
    }

    private void detail(String name, String value) {
        if (value != null) {
            line("    " + name + colon() + value);
        }
    }

    private void none(List<?> values) {
        if (values.isEmpty()) {
            item(t("aucun", "none"));
        }
    }
}
