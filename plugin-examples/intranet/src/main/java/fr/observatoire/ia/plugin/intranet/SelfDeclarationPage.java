package fr.observatoire.ia.plugin.intranet;

import fr.observatoire.ia.model.Governance;
import fr.observatoire.ia.model.Labelled;
import fr.observatoire.ia.model.Obstacle;
import fr.observatoire.ia.model.Purpose;
import fr.observatoire.ia.model.Service;
import fr.observatoire.ia.plugin.intranet.SelfDeclarationForm.Field;
import fr.observatoire.ia.plugin.intranet.SelfDeclarationForm.Problem;
import fr.observatoire.ia.plugin.intranet.SelfDeclarationForm.Submission;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The HTML of the self-declaration form and of its thank-you page: one self-contained page each, no script, no
 * external style, font or image (an intranet is often cut off from the Internet, and nothing should tell a third
 * party that an agent opened the form). Accessibility follows the RGAA: a language, labels tied to every control,
 * related choices grouped in fieldsets with a legend, errors listed at the top with links to the fields and tied
 * to them by {@code aria-describedby}, a skip link, visible focus, native controls only (keyboard-usable as such).
 */
final class SelfDeclarationPage {
    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;line-height:1.5;color:#1e1e1e;\
            background:#fff;margin:0 auto;max-width:46rem;padding:1rem}
            a{color:#000091}
            a:focus,input:focus,select:focus,button:focus{outline:3px solid #0a76f6;outline-offset:2px}
            .skip{position:absolute;left:-999px}.skip:focus{position:static}
            fieldset{border:1px solid #929292;margin:1.5rem 0;padding:.5rem 1rem 1rem}
            legend,label.question{font-weight:bold;padding:0 .25rem}
            .field{margin:1.5rem 0}.field select{display:block;margin-top:.25rem;font-size:1rem;padding:.25rem}
            .choice{margin:.35rem 0}.choice input{margin-right:.5rem}
            .hint{color:#3a3a3a;margin:.25rem 0 .5rem}
            .error{color:#ce0500;font-weight:bold}
            .errors{border:3px solid #ce0500;padding:.5rem 1rem;margin:1rem 0}
            .other{margin:.5rem 0 0 1.75rem}.other input{display:block;width:100%;max-width:30rem;font-size:1rem;padding:.25rem}
            button{font-size:1.1rem;padding:.6rem 1.25rem;background:#000091;color:#fff;border:0;cursor:pointer}
            section.kept{background:#f6f6f6;padding:.5rem 1rem;margin:1rem 0}
            """;

    private final FormLanguage language;
    private final int minAnswers;

    SelfDeclarationPage(FormLanguage language, int minAnswers) {
        this.language = language;
        this.minAnswers = minAnswers;
    }

    /** The form, showing {@code submission}'s valid answers again and its problems, if any. */
    String form(List<AiTool> tools, Submission submission, String token) {
        Map<Field, Problem> problems = submission.problems();
        StringBuilder html = new StringBuilder(16_384);
        open(html, (problems.isEmpty() ? "" : text("page.error.prefix") + " ") + text("page.title"));
        html.append("<a class=\"skip\" href=\"#form-top\">").append(t("page.skip")).append("</a>\n");
        languageSwitch(html);
        html.append("<main>\n<h1>").append(t("page.heading")).append("</h1>\n");
        errorSummary(html, problems, tools);
        html.append("<p>").append(t("page.intro")).append("</p>\n");
        whatIsKept(html);
        html.append("<form id=\"form-top\" method=\"post\" accept-charset=\"UTF-8\" aria-label=\"")
                .append(t("form.label")).append("\">\n")
                .append("<input type=\"hidden\" name=\"").append(Field.TOKEN.param).append("\" value=\"").append(esc(token)).append("\">\n");
        toolQuestion(html, tools, submission, problems);
        select(html, Field.PURPOSE, "q.purpose", Purpose.values(), submission.purpose(), problems);
        select(html, Field.SERVICE, "q.service", Service.values(), submission.service(), problems);
        radios(html, Field.FREQUENCY, "q.frequency", Frequency.values(), submission.frequency(), problems);
        governanceQuestion(html, submission.governance(), problems);
        obstaclesQuestion(html, submission.obstacles(), problems);
        html.append("<p><button type=\"submit\">").append(t("q.submit")).append("</button></p>\n</form>\n</main>\n");
        return close(html);
    }

    /** The thank-you page: says what was counted, which is all that was kept of this agent's submission. */
    String thanks(SelfDeclaration declaration) {
        StringBuilder html = new StringBuilder(4_096);
        open(html, text("thanks.title"));
        languageSwitch(html);
        String tool = declaration.tool().isOther() ? text("q.tool.other") : declaration.tool().name();
        html.append("<main>\n<h1>").append(t("thanks.heading")).append("</h1>\n")
                .append("<p>").append(t("thanks.kept", tool, language.label(declaration.service()))).append("</p>\n");
        whatIsKept(html);
        html.append("<p><a href=\"?lang=").append(language.code()).append("\">").append(t("thanks.again")).append("</a></p>\n</main>\n");
        return close(html);
    }

    private void open(StringBuilder html, String title) {
        html.append("<!DOCTYPE html>\n<html lang=\"").append(language.code()).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(title)).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
    }

    private static String close(StringBuilder html) {
        return html.append("</body>\n</html>\n").toString();
    }

    private void languageSwitch(StringBuilder html) {
        String other = text("page.switch.lang");
        html.append("<header><p><a href=\"").append(t("page.switch.href")).append("\" hreflang=\"").append(other)
                .append("\" lang=\"").append(other).append("\">").append(t("page.switch")).append("</a></p></header>\n");
    }

    private void errorSummary(StringBuilder html, Map<Field, Problem> problems, List<AiTool> tools) {
        if (problems.isEmpty()) {
            return;
        }
        // role=alert: a screen reader announces it as soon as the page is shown.
        html.append("<div class=\"errors\" role=\"alert\" aria-labelledby=\"errors-heading\">\n<h2 id=\"errors-heading\">")
                .append(t("errors.heading", problems.size())).append("</h2>\n<ul>\n");
        problems.forEach((field, problem) -> html.append("<li><a href=\"#")
                .append(field == Field.TOOL ? esc(Field.TOOL.param + "-" + tools.get(0).slug()) : field.htmlId).append("\">")
                .append(esc(message(field, problem))).append("</a></li>\n"));
        html.append("</ul>\n</div>\n");
    }

    private void whatIsKept(StringBuilder html) {
        html.append("<section class=\"kept\" aria-labelledby=\"kept-heading\">\n<h2 id=\"kept-heading\">")
                .append(t("kept.heading")).append("</h2>\n<p>").append(t("kept.intro")).append("</p>\n<ul>\n");
        for (String key : List.of("kept.count", "kept.answers", "kept.inventory", "kept.sent")) {
            html.append("<li>").append(t(key, minAnswers)).append("</li>\n");
        }
        html.append("</ul>\n<p>").append(t("never.intro")).append("</p>\n<ul>\n");
        for (String key : List.of("never.identity", "never.cookie", "never.other", "never.time")) {
            html.append("<li>").append(t(key)).append("</li>\n");
        }
        html.append("</ul>\n<p>").append(t("never.logs")).append("</p>\n</section>\n");
    }

    private void toolQuestion(StringBuilder html, List<AiTool> tools, Submission submission, Map<Field, Problem> problems) {
        fieldsetStart(html, Field.TOOL, "q.tool", "q.tool.hint", problems);
        for (AiTool tool : tools) {
            String label = tool.isOther() ? text("q.tool.other")
                    : tool.name() + (tool.provider() == null ? "" : " (" + tool.provider() + ")");
            choice(html, "radio", Field.TOOL, tool.slug(), label, tool.equals(submission.tool()), null);
        }
        String otherId = Field.TOOL_OTHER.htmlId;
        html.append("<div class=\"other\"><label for=\"").append(otherId).append("\">")
                .append(t("q.tool.other.name", SelfDeclarationForm.OTHER_TOOL_MAX_LENGTH)).append("</label>\n");
        fieldError(html, Field.TOOL_OTHER, problems);
        // Never filled in again, even after an error: the free text goes nowhere, not even back to the page.
        html.append("<input type=\"text\" id=\"").append(otherId).append("\" name=\"").append(Field.TOOL_OTHER.param)
                .append("\" maxlength=\"").append(SelfDeclarationForm.OTHER_TOOL_MAX_LENGTH).append("\" autocomplete=\"off\"")
                .append(invalid(Field.TOOL_OTHER, problems)).append("></div>\n</fieldset>\n");
    }

    private void governanceQuestion(StringBuilder html, Governance selected, Map<Field, Problem> problems) {
        fieldsetStart(html, Field.GOVERNANCE, "q.governance", null, problems);
        for (Governance governance : Governance.values()) {
            choice(html, "radio", Field.GOVERNANCE, governance.name(), language.label(governance), governance == selected,
                    text("q.governance." + governance.name()));
        }
        html.append("</fieldset>\n");
    }

    private void obstaclesQuestion(StringBuilder html, Set<Obstacle> selected, Map<Field, Problem> problems) {
        fieldsetStart(html, Field.OBSTACLES, "q.obstacles", "q.obstacles.hint", problems);
        for (Obstacle obstacle : Obstacle.values()) {
            choice(html, "checkbox", Field.OBSTACLES, obstacle.name(), language.label(obstacle), selected.contains(obstacle), null);
        }
        html.append("</fieldset>\n");
    }

    private <E extends Enum<E> & Labelled> void radios(StringBuilder html, Field field, String question, E[] values, E selected,
                                                       Map<Field, Problem> problems) {
        fieldsetStart(html, field, question, null, problems);
        for (E value : values) {
            choice(html, "radio", field, value.name(), language.label(value), value == selected, null);
        }
        html.append("</fieldset>\n");
    }

    private <E extends Enum<E> & Labelled> void select(StringBuilder html, Field field, String question, E[] values, E selected,
                                                       Map<Field, Problem> problems) {
        html.append("<div class=\"field\"><label for=\"").append(field.htmlId).append("\" class=\"question\">")
                .append(t(question)).append("</label>\n");
        fieldError(html, field, problems);
        html.append("<select id=\"").append(field.htmlId).append("\" name=\"").append(field.param).append("\" required")
                .append(invalid(field, problems)).append(">\n<option value=\"\">").append(t("q.choose")).append("</option>\n");
        for (E value : values) {
            html.append("<option value=\"").append(value.name()).append('"').append(value == selected ? " selected" : "")
                    .append('>').append(esc(language.label(value))).append("</option>\n");
        }
        html.append("</select></div>\n");
    }

    /** A fieldset whose legend is the question; the hint and the error are tied to it for screen readers. */
    private void fieldsetStart(StringBuilder html, Field field, String question, String hint, Map<Field, Problem> problems) {
        String describedBy = (hint == null ? "" : field.param + "-hint ") + (problems.containsKey(field) ? field.param + "-error" : "");
        html.append("<fieldset").append(describedBy.isBlank() ? "" : " aria-describedby=\"" + describedBy.trim() + "\"")
                .append(">\n<legend>").append(t(question)).append("</legend>\n");
        if (hint != null) {
            html.append("<p class=\"hint\" id=\"").append(field.param).append("-hint\">").append(t(hint)).append("</p>\n");
        }
        fieldError(html, field, problems);
    }

    private void choice(StringBuilder html, String type, Field field, String value, String label, boolean checked, String hint) {
        String id = field.param + "-" + value;
        html.append("<div class=\"choice\"><input type=\"").append(type).append("\" id=\"").append(esc(id))
                .append("\" name=\"").append(field.param).append("\" value=\"").append(esc(value)).append('"')
                .append("radio".equals(type) ? " required" : "").append(checked ? " checked" : "")
                .append(hint == null ? "" : " aria-describedby=\"" + esc(id) + "-hint\"")
                .append("><label for=\"").append(esc(id)).append("\">").append(esc(label)).append("</label>");
        if (hint != null) {
            html.append(" <span class=\"hint\" id=\"").append(esc(id)).append("-hint\">— ").append(esc(hint)).append("</span>");
        }
        html.append("</div>\n");
    }

    private void fieldError(StringBuilder html, Field field, Map<Field, Problem> problems) {
        Problem problem = problems.get(field);
        if (problem != null) {
            html.append("<p class=\"error\" id=\"").append(field.param).append("-error\">")
                    .append(esc(message(field, problem))).append("</p>\n");
        }
    }

    private String invalid(Field field, Map<Field, Problem> problems) {
        return problems.containsKey(field) ? " aria-invalid=\"true\" aria-describedby=\"" + field.param + "-error\"" : "";
    }

    private String message(Field field, Problem problem) {
        return switch (problem) {
            case MISSING -> text("error.MISSING." + field.param);
            case TOO_LONG -> text("error.TOO_LONG", SelfDeclarationForm.OTHER_TOOL_MAX_LENGTH);
            case INVALID, EXPIRED -> text("error." + problem.name());
        };
    }

    private String text(String key, Object... args) {
        return language.text(key, args);
    }

    /** The text under {@code key}, escaped for HTML. */
    private String t(String key, Object... args) {
        return esc(text(key, args));
    }

    /** Escapes text for an HTML element or a double-quoted attribute. */
    static String esc(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
