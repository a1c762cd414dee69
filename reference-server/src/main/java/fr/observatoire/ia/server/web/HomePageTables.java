package fr.observatoire.ia.server.web;

import fr.observatoire.ia.model.PeriodKind;
import fr.observatoire.ia.server.collectivite.CollectiviteView;
import fr.observatoire.ia.server.declaration.DeclarationSummary;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import static fr.observatoire.ia.server.web.Html.escape;

/** The tables of the home page, in French, every value escaped. */
final class HomePageTables {
    private static final Locale FRENCH = Locale.FRANCE;
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", FRENCH);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", FRENCH);
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH:mm", FRENCH).withZone(PARIS);

    private HomePageTables() {
    }

    static String number(long value) {
        return NumberFormat.getIntegerInstance(FRENCH).format(value);
    }

    static String collectivites(List<CollectiviteView> collectivites) {
        if (collectivites.isEmpty()) {
            return "<p>Aucune collectivité n'est encore inscrite.</p>";
        }
        StringBuilder html = new StringBuilder("""
                <div class="table-wrap"><table>
                <caption>Collectivités enregistrées par l'observatoire, par ordre alphabétique</caption>
                <thead><tr><th scope="col">Collectivité</th><th scope="col">Nature</th><th scope="col">SIREN</th>\
                <th scope="col">Code INSEE</th><th scope="col">Population</th><th scope="col">Clé de signature</th></tr></thead>
                <tbody>
                """);
        for (CollectiviteView c : collectivites) {
            html.append("<tr><th scope=\"row\">").append(escape(c.name())).append("</th>")
                    .append("<td>").append(escape(c.kind().french())).append("</td>")
                    .append("<td>").append(escape(c.siren())).append("</td>")
                    .append("<td>").append(c.inseeCode() == null ? "&mdash;" : escape(c.inseeCode())).append("</td>")
                    .append("<td class=\"num\">").append(c.population() == null ? "&mdash;" : number(c.population())).append("</td>")
                    .append("<td>").append(c.enrolled() ? "active" : "en attente d'enrôlement").append("</td></tr>\n");
        }
        return html.append("</tbody></table></div>").toString();
    }

    static String declarations(List<DeclarationSummary> latest, long total) {
        if (latest.isEmpty()) {
            return "<p>Aucune déclaration n'a encore été reçue.</p>";
        }
        StringBuilder html = new StringBuilder("<div class=\"table-wrap\"><table>\n<caption>")
                .append(latest.size() < total ? "Les " + number(latest.size()) + " plus récentes sur " + number(total) : "Toutes les déclarations")
                .append(", de la plus récente à la plus ancienne</caption>\n")
                .append("""
                        <thead><tr><th scope="col">Collectivité</th><th scope="col">Période</th><th scope="col">N°</th>\
                        <th scope="col">Reçue le</th><th scope="col">Usages déclarés</th><th scope="col">Activité (actions)</th>\
                        <th scope="col">Empreinte</th></tr></thead>
                        <tbody>
                        """);
        for (DeclarationSummary d : latest) {
            html.append("<tr><th scope=\"row\">").append(escape(d.collectiviteName())).append("</th>")
                    .append("<td>").append(escape(period(d))).append("</td>")
                    .append("<td class=\"num\">").append(d.sequence()).append("</td>")
                    .append("<td>").append(escape(moment(d.receivedAt()))).append("</td>")
                    .append("<td class=\"num\">").append(number(d.usages())).append("</td>")
                    .append("<td class=\"num\">").append(number(d.activityTotal())).append("</td>")
                    .append("<td><code>").append(escape(d.declarationHash())).append("</code></td></tr>\n");
        }
        return html.append("</tbody></table></div>").toString();
    }

    /** "semaine du 3 mars 2025", "mars 2025". */
    private static String period(DeclarationSummary d) {
        return d.periodKind() == PeriodKind.WEEK ? "semaine du " + DAY.format(d.periodStart()) : MONTH.format(d.periodStart());
    }

    private static String moment(Instant instant) {
        return MOMENT.format(instant);
    }
}
