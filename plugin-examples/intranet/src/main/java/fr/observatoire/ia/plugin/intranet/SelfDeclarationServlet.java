package fr.observatoire.ia.plugin.intranet;

import fr.observatoire.ia.api.ActivityCounter;
import fr.observatoire.ia.api.Observatory;
import fr.observatoire.ia.model.ActionKind;
import fr.observatoire.ia.model.Inventory;
import fr.observatoire.ia.model.Service;
import fr.observatoire.ia.plugin.intranet.SelfDeclarationForm.Field;
import fr.observatoire.ia.plugin.intranet.SelfDeclarationForm.Problem;
import fr.observatoire.ia.plugin.intranet.SelfDeclarationForm.Submission;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The anonymous self-declaration form, where agents say which AI tools they use, what for, whether it is allowed and
 * what gets in the way: shadow AI and resistances, seen from the inside.
 *
 * <p>GET shows the form (French; English with {@code ?lang=en} or an English Accept-Language). POST checks the
 * anti-forgery token and every answer, then records {@code activity(toolSlug, service, SELF_DECLARATION).add(1)} and
 * adds the answers to the {@link SelfDeclarationSummary}, whose inventory entries go to the observatory when they
 * change. A bad token or a value the form does not offer is answered 400 with the form and its errors, and nothing
 * is recorded.
 *
 * <p>What the servlet never does, on purpose: read the user, the address, a cookie or a session (it opens none);
 * keep the free text of "another tool"; log an answer. See the page itself for the words agents read about it.
 *
 * <p>Init-params: {@value #MIN_ANSWERS_PARAM} (declarations about a tool before it enters the inventory, default
 * {@value SelfDeclarationSummary#DEFAULT_MIN_ANSWERS}), {@value #TOKEN_SECRET_PARAM} (base64 of at least 32 bytes,
 * the same on every node of a cluster; a random one per start otherwise), {@value #TOKEN_MAX_AGE_PARAM} (ISO 8601,
 * default PT2H). Context attributes: {@value ObservatoireFilter#OBSERVATORY_ATTRIBUTE} (the observatory, as for the
 * filter) and {@value #BASE_INVENTORY_ATTRIBUTE} (the collectivité's own {@link Inventory}, or a
 * {@code Supplier<Inventory>}); the servlet publishes its summary under {@value #SUMMARY_ATTRIBUTE}.
 */
public class SelfDeclarationServlet extends HttpServlet {
    public static final String MIN_ANSWERS_PARAM = "min-answers";
    public static final String TOKEN_SECRET_PARAM = "token-secret";
    public static final String TOKEN_MAX_AGE_PARAM = "token-max-age";
    public static final String BASE_INVENTORY_ATTRIBUTE = "fr.observatoire.ia.plugin.intranet.baseInventory";
    public static final String SUMMARY_ATTRIBUTE = "fr.observatoire.ia.plugin.intranet.SelfDeclarationSummary";

    private static final long serialVersionUID = 1L;
    /** No script, no frame, no third party: the page needs nothing but its own inline style and its own URL. */
    private static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'self'";

    private final transient SelfDeclarationForm form;
    private final transient Clock clock;
    private transient Observatory observatory;
    private transient FormTokens tokens;
    private transient SelfDeclarationSummary summary;
    private transient InventoryPublisher publisher;
    private final transient Map<CounterKey, ActivityCounter> counters = new ConcurrentHashMap<>();

    public SelfDeclarationServlet() {
        this(AiTool.BUILT_IN);
    }

    /** With the host's own list of tools, for {@code ServletContext.addServlet}; put {@link AiTool#other()} last. */
    public SelfDeclarationServlet(List<AiTool> tools) {
        this(tools, Clock.systemUTC());
    }

    SelfDeclarationServlet(List<AiTool> tools, Clock clock) {
        if (tools.isEmpty()) {
            throw new IllegalArgumentException("the form needs at least one tool");
        }
        this.form = new SelfDeclarationForm(tools);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void init() throws ServletException {
        ServletContext context = getServletContext();
        observatory = new SafeObservatory(IntranetRuntime.source(context));
        SecureRandom random = new SecureRandom();
        try {
            String secret = getInitParameter(TOKEN_SECRET_PARAM);
            String maxAge = getInitParameter(TOKEN_MAX_AGE_PARAM);
            String minAnswers = getInitParameter(MIN_ANSWERS_PARAM);
            tokens = new FormTokens(secret == null ? FormTokens.randomSecret(random) : Base64.getDecoder().decode(secret.trim()),
                    clock, maxAge == null ? Duration.ofHours(2) : Duration.parse(maxAge.trim()), random);
            summary = new SelfDeclarationSummary(minAnswers == null ? SelfDeclarationSummary.DEFAULT_MIN_ANSWERS
                    : Integer.parseInt(minAnswers.trim()));
        } catch (RuntimeException e) {
            // Unlike the filter, the form is the servlet's whole job: better no form than one that misleads.
            throw new ServletException("self-declaration servlet '" + getServletName() + "': bad init-param, " + e.getMessage()
                    + " (" + TOKEN_SECRET_PARAM + ": base64 of at least 32 bytes; " + TOKEN_MAX_AGE_PARAM + ": ISO 8601 such as PT2H; "
                    + MIN_ANSWERS_PARAM + ": a whole number of at least 1)", e);
        }
        publisher = new InventoryPublisher(observatory, () -> baseInventory(context));
        context.setAttribute(SUMMARY_ATTRIBUTE, summary);
    }

    /** The summary of the declarations received since the servlet started, for the host to show or turn into its inventory. */
    public SelfDeclarationSummary summary() {
        return summary;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        FormLanguage language = FormLanguage.of(request);
        respond(response, HttpServletResponse.SC_OK, language, page(language).form(form.tools(), Submission.EMPTY, tokens.issue()));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding("UTF-8");
        FormLanguage language = FormLanguage.of(request);
        Submission submission = form.read(request.getParameterMap());
        String token = request.getParameter(Field.TOKEN.param);
        // A browser marks a post made by another site's page: refused even with a token an insider would have copied.
        boolean crossSite = "cross-site".equalsIgnoreCase(request.getHeader("Sec-Fetch-Site"));
        // The token is used up only by a submission that is recorded: after an error, the agent corrects and resends.
        boolean tokenOk = !crossSite && (submission.isValid() ? tokens.consume(token) : tokens.isValid(token));
        if (submission.isValid() && tokenOk) {
            SelfDeclaration declaration = submission.declaration();
            record(declaration);
            respond(response, HttpServletResponse.SC_OK, language, page(language).thanks(declaration));
            return;
        }
        if (!tokenOk) {
            submission = submission.withProblem(Field.TOKEN, Problem.EXPIRED);
        }
        respond(response, HttpServletResponse.SC_BAD_REQUEST, language,
                page(language).form(form.tools(), submission, tokens.issue()));
    }

    /** Counts the declaration and adds its answers up; nothing of who sent it is known here, so nothing of it is passed. */
    private void record(SelfDeclaration declaration) {
        String slug = declaration.tool().slug();
        counters.computeIfAbsent(new CounterKey(slug, declaration.service()),
                key -> observatory.activity(key.slug(), key.service(), ActionKind.SELF_DECLARATION)).increment();
        try {
            // One lock for both: two agents posting at once must not publish the older summary after the newer one.
            synchronized (summary) {
                summary.record(declaration);
                publisher.publishIfChanged(summary.usages());
            }
        } catch (RuntimeException e) {
            // The declaration is counted; the agent is thanked whatever happens to the inventory.
            ObservatoryFailures.record(e);
        }
    }

    private SelfDeclarationPage page(FormLanguage language) {
        return new SelfDeclarationPage(language, summary.minAnswers());
    }

    private static void respond(HttpServletResponse response, int status, FormLanguage language, String html) throws IOException {
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Content-Language", language.code());
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.getWriter().write(html);
    }

    private static Inventory baseInventory(ServletContext context) {
        Object base = context.getAttribute(BASE_INVENTORY_ATTRIBUTE);
        if (base instanceof Inventory inventory) {
            return inventory;
        }
        if (base instanceof Supplier<?> supplier && supplier.get() instanceof Inventory inventory) {
            return inventory;
        }
        return Inventory.empty();
    }

    private record CounterKey(String slug, Service service) {
    }
}
