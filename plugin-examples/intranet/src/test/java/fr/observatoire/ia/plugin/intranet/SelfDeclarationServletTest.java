package fr.observatoire.ia.plugin.intranet;

import fr.observatoire.ia.api.Observatory;
import fr.observatoire.ia.model.ActionKind;
import fr.observatoire.ia.model.AiUsage;
import fr.observatoire.ia.model.Governance;
import fr.observatoire.ia.model.Inventory;
import fr.observatoire.ia.model.Obstacle;
import fr.observatoire.ia.model.Purpose;
import fr.observatoire.ia.model.Service;
import fr.observatoire.ia.testkit.conformance.ThrowingObservatory;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The self-declaration form in a real servlet container, as an agent's browser uses it. */
class SelfDeclarationServletTest {
    private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]+)\"");
    private static final String PATH = "/auto-declaration";

    private final RecordingObservatory recording = new RecordingObservatory();
    private final FormTokensTest.MutableClock clock = new FormTokensTest.MutableClock(Instant.now());

    private ServletContextHandler context;

    private JettyServer start(Observatory observatory, Map<String, String> params, Object baseInventory) throws Exception {
        return JettyServer.start(context -> {
            this.context = context;
            context.setAttribute(ObservatoireFilter.OBSERVATORY_ATTRIBUTE, observatory);
            if (baseInventory != null) {
                context.setAttribute(SelfDeclarationServlet.BASE_INVENTORY_ATTRIBUTE, baseInventory);
            }
            ServletHolder holder = new ServletHolder(new SelfDeclarationServlet(AiTool.BUILT_IN, clock));
            holder.setInitParameters(params);
            context.addServlet(holder, PATH);
        });
    }

    private JettyServer start() throws Exception {
        return start(recording, Map.of(), null);
    }

    /** Answers a valid form would post, in the order a browser sends them. */
    private static Map<String, List<String>> answers(String tool, String service, String governance, String... obstacles) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        form.put("tool", List.of(tool));
        form.put("tool-other", List.of(""));
        form.put("purpose", List.of("DRAFTING"));
        form.put("service", List.of(service));
        form.put("frequency", List.of("WEEKLY"));
        form.put("governance", List.of(governance));
        form.put("obstacle", List.of(obstacles));
        return form;
    }

    private static String token(HttpResponse<String> page) {
        Matcher matcher = TOKEN.matcher(page.body());
        assertThat(matcher.find()).as("the page carries a token").isTrue();
        return matcher.group(1);
    }

    private static HttpResponse<String> post(JettyServer server, String query, String token, Map<String, List<String>> answers,
                                             String... headers) throws Exception {
        List<String> pairs = new ArrayList<>();
        if (token != null) {
            pairs.add("token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        }
        answers.forEach((name, values) -> values.forEach(value ->
                pairs.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8))));
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(PATH + query))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(String.join("&", pairs)));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return server.send(request);
    }

    /** Gets a fresh form and posts {@code answers} with its token, as an agent does. */
    private static HttpResponse<String> declare(JettyServer server, Map<String, List<String>> answers, String... headers) throws Exception {
        return post(server, "", token(server.get(PATH)), answers, headers);
    }

    @Test
    void renders_an_accessible_french_form_with_the_labels_of_the_model() throws Exception {
        try (JettyServer server = start()) {
            HttpResponse<String> page = server.get(PATH);
            String html = page.body();

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).containsIgnoringCase("text/html;charset=utf-8"));
            assertThat(page.headers().firstValue("Content-Language")).contains("fr");
            assertThat(html).startsWith("<!DOCTYPE html>").contains("<html lang=\"fr\">", "<title>Déclarer anonymement un usage de l&#39;IA</title>");
            for (Purpose purpose : Purpose.values()) {
                assertThat(html).contains(">" + SelfDeclarationPage.esc(purpose.french()) + "</option>");
            }
            for (Service service : Service.values()) {
                assertThat(html).contains(">" + SelfDeclarationPage.esc(service.french()) + "</option>");
            }
            assertThat(html).contains(Governance.SHADOW.french(), Obstacle.SOCIAL_DIALOGUE.french(), Frequency.WEEKLY.french(),
                    "ChatGPT (OpenAI)", "Le Chat (Mistral AI)", "Autre outil");
            assertThat(html).contains("<fieldset", "<legend>Quel outil d&#39;IA utilisez-vous pour votre travail ?</legend>",
                    "Ce qui est conservé", "Ce qui n&#39;est jamais enregistré ni transmis", "« other »",
                    "maxlength=\"100\"", "href=\"?lang=en\" hreflang=\"en\" lang=\"en\"");
            assertEveryControlHasALabel(html);
            assertThat(html).doesNotContain("<script", "http://", "https://", "@import", "url(");
        }
    }

    @Test
    void sets_no_cookie_and_forbids_scripts_caching_and_third_parties() throws Exception {
        try (JettyServer server = start()) {
            HttpResponse<String> page = server.get(PATH);
            assertThat(page.headers().allValues("Set-Cookie")).isEmpty();
            assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
            assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
            assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                    assertThat(csp).contains("default-src 'none'", "form-action 'self'").doesNotContain("script-src"));

            HttpResponse<String> thanks = declare(server, answers("chatgpt", "FINANCE", "SHADOW"));
            assertThat(thanks.headers().allValues("Set-Cookie")).isEmpty();
        }
    }

    @Test
    void renders_in_english_on_request_or_from_accept_language() throws Exception {
        try (JettyServer server = start()) {
            HttpResponse<String> asked = server.get(PATH + "?lang=en");
            assertThat(asked.body()).contains("<html lang=\"en\">", "Which AI tool do you use for your work?",
                    Purpose.CITIZEN_CHATBOT.english(), Service.HUMAN_RESOURCES.english(), "Version française");
            assertThat(asked.headers().firstValue("Content-Language")).contains("en");

            HttpResponse<String> negotiated = server.send(HttpRequest.newBuilder(server.uri(PATH)).header("Accept-Language", "de-DE, en-GB;q=0.8, fr;q=0.5"));
            assertThat(negotiated.body()).contains("<html lang=\"en\">");
            HttpResponse<String> french = server.send(HttpRequest.newBuilder(server.uri(PATH)).header("Accept-Language", "fr-FR, en;q=0.8"));
            assertThat(french.body()).contains("<html lang=\"fr\">");
            HttpResponse<String> other = server.send(HttpRequest.newBuilder(server.uri(PATH)).header("Accept-Language", "de"));
            assertThat(other.body()).contains("<html lang=\"fr\">");
            assertEveryControlHasALabel(asked.body());
        }
    }

    @Test
    void a_submission_counts_one_self_declaration_of_the_tool_in_the_service_and_nothing_about_who_sent_it() throws Exception {
        try (JettyServer server = start()) {
            HttpResponse<String> thanks = declare(server, answers("chatgpt", "HUMAN_RESOURCES", "SHADOW", "TRUST", "SKILLS"),
                    JettyServer.USER_HEADER, "jdupont@mairie.example",
                    "Cookie", "JSESSIONID=secret-session-id",
                    "X-Forwarded-For", "10.1.2.3");

            assertThat(thanks.statusCode()).isEqualTo(200);
            assertThat(thanks.body()).contains("Merci, votre déclaration est enregistrée", "« ChatGPT »", "« Ressources humaines »");
            assertThat(recording.count("chatgpt", Service.HUMAN_RESOURCES, ActionKind.SELF_DECLARATION)).isEqualTo(1);
            assertThat(recording.total()).isEqualTo(1);
            assertThat(recording.calls).extracting(RecordingObservatory.Call::method).containsOnly("activity", "add");
            assertThat(recording.everythingReceived()).doesNotContain("jdupont", "secret-session-id", "10.1.2.3", "127.0.0.1");
        }
    }

    @Test
    void the_free_text_of_another_tool_is_reduced_to_other_and_goes_nowhere() throws Exception {
        try (JettyServer server = start()) {
            Map<String, List<String>> answers = answers("other", "COMMUNICATION", "TOLERATED");
            answers.put("tool-other", List.of("OutilSecretDeMarie"));
            HttpResponse<String> thanks = declare(server, answers);

            assertThat(thanks.statusCode()).isEqualTo(200);
            assertThat(thanks.body()).contains("« Autre outil »").doesNotContain("OutilSecretDeMarie");
            assertThat(recording.count("other", Service.COMMUNICATION, ActionKind.SELF_DECLARATION)).isEqualTo(1);
            assertThat(recording.everythingReceived()).doesNotContain("OutilSecretDeMarie");

            // Not even an error page shows it again.
            answers.put("governance", List.of("NOT_A_GOVERNANCE"));
            HttpResponse<String> refused = declare(server, answers);
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).doesNotContain("OutilSecretDeMarie");
        }
    }

    @Test
    void refuses_a_missing_forged_reused_or_expired_token_with_400_and_records_nothing() throws Exception {
        try (JettyServer server = start()) {
            Map<String, List<String>> answers = answers("chatgpt", "FINANCE", "SHADOW");
            HttpResponse<String> missing = post(server, "", null, answers);
            HttpResponse<String> forged = post(server, "", "1700000000.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA", answers);
            String expiredToken = token(server.get(PATH));
            clock.now = clock.now.plus(Duration.ofHours(3));
            HttpResponse<String> expired = post(server, "", expiredToken, answers);

            for (HttpResponse<String> response : List.of(missing, forged, expired)) {
                assertThat(response.statusCode()).isEqualTo(400);
                assertThat(response.body()).contains("<title>Erreur : ", "role=\"alert\"",
                        "Ce formulaire a expiré ou a déjà été envoyé", "checked");
                assertThat(token(response)).as("a fresh token to send again").isNotBlank();
            }
            assertThat(recording.calls).isEmpty();

            String token = token(server.get(PATH));
            assertThat(post(server, "", token, answers).statusCode()).isEqualTo(200);
            assertThat(post(server, "", token, answers).statusCode()).as("the browser resends the form").isEqualTo(400);
            assertThat(recording.total()).isEqualTo(1);
        }
    }

    @Test
    void refuses_a_post_from_another_site() throws Exception {
        try (JettyServer server = start()) {
            HttpResponse<String> response = declare(server, answers("chatgpt", "FINANCE", "SHADOW"), "Sec-Fetch-Site", "cross-site");
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(recording.calls).isEmpty();
        }
    }

    @Test
    void refuses_values_the_form_does_not_offer_with_400_a_french_message_and_nothing_recorded() throws Exception {
        try (JettyServer server = start()) {
            List<Map<String, List<String>>> bad = new ArrayList<>();
            bad.add(answers("chatgpt", "NOT_A_SERVICE", "SHADOW"));
            bad.add(answers("unknown-tool", "FINANCE", "SHADOW"));
            bad.add(answers("chatgpt", "FINANCE", "shadow"));
            bad.add(answers("chatgpt", "FINANCE", "SHADOW", "NOT_AN_OBSTACLE"));
            Map<String, List<String>> twice = answers("chatgpt", "FINANCE", "SHADOW");
            twice.put("service", List.of("FINANCE", "HUMAN_RESOURCES"));
            bad.add(twice);
            Map<String, List<String>> tooLong = answers("other", "FINANCE", "SHADOW");
            tooLong.put("tool-other", List.of("x".repeat(101)));
            bad.add(tooLong);
            Map<String, List<String>> missing = answers("chatgpt", "FINANCE", "SHADOW");
            missing.remove("purpose");
            bad.add(missing);

            for (Map<String, List<String>> answers : bad) {
                HttpResponse<String> response = declare(server, answers);
                assertThat(response.statusCode()).as(answers.toString()).isEqualTo(400);
                // The message is next to the field, and the field (or its fieldset) points at it.
                assertThat(response.body()).contains("<html lang=\"fr\">", "Votre déclaration n&#39;a pas été enregistrée", "-error\">")
                        .containsPattern("aria-describedby=\"[^\"]*-error\"")
                        .containsAnyOf("Cette réponse ne fait pas partie des choix proposés.",
                                "Le nom de l&#39;outil dépasse 100 caractères.", "Choisissez une finalité.");
            }
            assertThat(recording.calls).isEmpty();

            HttpResponse<String> english = post(server, "?lang=en", token(server.get(PATH)), answers("chatgpt", "NOPE", "SHADOW"));
            assertThat(english.statusCode()).isEqualTo(400);
            assertThat(english.body()).contains("This answer is not one of the choices offered.");
        }
    }

    @Test
    void the_error_page_keeps_the_valid_answers_selected() throws Exception {
        try (JettyServer server = start()) {
            HttpResponse<String> response = declare(server, answers("lechat", "URBAN_PLANNING", "NOPE", "COST"));
            assertThat(response.body()).contains("value=\"lechat\" required checked", "value=\"URBAN_PLANNING\" selected",
                    "value=\"COST\" checked", "<a href=\"#governance-SANCTIONED\">");
        }
    }

    @Test
    void turns_enough_declarations_into_inventory_entries_merged_with_the_base_and_declared_only_on_change() throws Exception {
        Inventory base = new Inventory(4, List.of(InventoryPublisherTest.HAND_WRITTEN));
        try (JettyServer server = start(recording, Map.of(SelfDeclarationServlet.MIN_ANSWERS_PARAM, "2"), base)) {
            declare(server, answers("lechat", "FINANCE", "TOLERATED"));
            assertThat(recording.inventories).as("one answer is one person's").isEmpty();
            declare(server, answers("lechat", "URBAN_PLANNING", "SHADOW", "SOVEREIGNTY"));
            assertThat(recording.inventories).singleElement().satisfies(inventory -> assertThat(inventory.version()).isEqualTo(5));
            declare(server, answers("lechat", "URBAN_PLANNING", "SHADOW"));
            declare(server, answers("lechat", "FINANCE", "TOLERATED", "SOVEREIGNTY"));
            assertThat(recording.inventories).as("nothing new in the summary").hasSize(1);
            declare(server, answers("lechat", "FINANCE", "SHADOW", "OUTPUT_QUALITY"));

            assertThat(recording.inventories).hasSize(2);
            Inventory latest = recording.inventories.get(1);
            assertThat(latest.version()).isEqualTo(6);
            assertThat(latest.usages()).extracting(AiUsage::id).containsExactly("chatgpt", "lechat");
            AiUsage lechat = latest.usage("lechat").orElseThrow();
            assertThat(lechat.governance()).isEqualTo(Governance.SHADOW);
            assertThat(lechat.obstacles()).containsExactly(Obstacle.OUTPUT_QUALITY, Obstacle.SOVEREIGNTY);
            assertThat(lechat.services()).containsExactly(Service.URBAN_PLANNING, Service.FINANCE);
            assertThat(latest.usage("chatgpt")).contains(InventoryPublisherTest.HAND_WRITTEN);
            assertThat(recording.count("lechat", Service.URBAN_PLANNING, ActionKind.SELF_DECLARATION)).isEqualTo(2);
            assertThat(recording.count("lechat", Service.FINANCE, ActionKind.SELF_DECLARATION)).isEqualTo(3);
        }
    }

    @Test
    void publishes_its_summary_in_the_servlet_context_for_the_host() throws Exception {
        try (JettyServer server = start(recording, Map.of(SelfDeclarationServlet.MIN_ANSWERS_PARAM, "1"), null)) {
            declare(server, answers("deepl", "EDUCATION", "SANCTIONED"));
            Object summary = context.getServletContext().getAttribute(SelfDeclarationServlet.SUMMARY_ATTRIBUTE);
            assertThat(summary).isInstanceOfSatisfying(SelfDeclarationSummary.class, s ->
                    assertThat(s.usages()).extracting(AiUsage::id).containsExactly("deepl"));
            assertThat(recording.inventories).singleElement()
                    .satisfies(inventory -> assertThat(inventory.usages()).extracting(AiUsage::id).containsExactly("deepl"));
        }
    }

    @Test
    void offers_the_host_own_list_of_tools() throws Exception {
        List<AiTool> tools = List.of(new AiTool("assistant-interne", "Assistant interne", "DSI", fr.observatoire.ia.model.Hosting.ON_PREMISE),
                AiTool.other());
        try (JettyServer server = JettyServer.start(context -> {
            context.setAttribute(ObservatoireFilter.OBSERVATORY_ATTRIBUTE, recording);
            context.addServlet(new ServletHolder(new SelfDeclarationServlet(tools, clock)), PATH);
        })) {
            String html = server.get(PATH).body();
            assertThat(html).contains("Assistant interne (DSI)", "Autre outil").doesNotContain("ChatGPT");
            Map<String, List<String>> noTool = answers("chatgpt", "FINANCE", "SHADOW");
            HttpResponse<String> refused = declare(server, noTool);
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("<a href=\"#tool-assistant-interne\">");
            assertThat(declare(server, answers("assistant-interne", "FINANCE", "SANCTIONED")).statusCode()).isEqualTo(200);
            assertThat(recording.count("assistant-interne", Service.FINANCE, ActionKind.SELF_DECLARATION)).isEqualTo(1);
        }
    }

    @Test
    void a_throwing_observatory_never_breaks_the_form() throws Exception {
        for (boolean failOnLookup : List.of(true, false)) {
            try (JettyServer server = start(new ThrowingObservatory(failOnLookup), Map.of(SelfDeclarationServlet.MIN_ANSWERS_PARAM, "1"), null)) {
                HttpResponse<String> thanks = declare(server, answers("copilot", "FINANCE", "TOLERATED"));
                assertThat(thanks.statusCode()).isEqualTo(200);
                assertThat(thanks.body()).contains("Merci");
            }
        }
    }

    @Test
    void a_bad_init_param_stops_the_servlet_with_a_message_naming_it() {
        assertThatThrownBy(() -> start(recording, Map.of(SelfDeclarationServlet.TOKEN_SECRET_PARAM, "c2hvcnQ="), null).close())
                .hasMessageContaining("token-secret").hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> start(recording, Map.of(SelfDeclarationServlet.MIN_ANSWERS_PARAM, "0"), null).close())
                .hasMessageContaining("min-answers");
    }

    /** Every visible input and select has a label pointing at its id (RGAA 11.1). */
    private static void assertEveryControlHasALabel(String html) {
        Matcher controls = Pattern.compile("<(input|select)(?![^>]*type=\"hidden\")[^>]*\\sid=\"([^\"]+)\"").matcher(html);
        int count = 0;
        while (controls.find()) {
            count++;
            assertThat(html).as("label of #" + controls.group(2)).contains("<label for=\"" + controls.group(2) + "\"");
        }
        assertThat(count).isGreaterThan(Service.values().length / 2);
    }
}
