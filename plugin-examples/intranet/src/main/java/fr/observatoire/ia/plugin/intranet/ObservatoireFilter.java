package fr.observatoire.ia.plugin.intranet;

import fr.observatoire.ia.api.ActivityCounter;
import fr.observatoire.ia.api.Observatory;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.file.Path;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts the use of the host's AI features: each request that matches a {@link UsageMapping} and succeeds (status
 * 2xx or 3xx once the application has answered) adds one action to the mapping's usage, and the authenticated user,
 * if any, is noted through {@link Observatory#agentActive}, which pseudonymises it on the spot. The filter keeps no
 * user, path or parameter.
 *
 * <p>Configuration, in this order: the mappings given to the constructor (programmatic registration), else the
 * init-params {@value #MAPPINGS_PARAM} (the mapping text) and {@value #MAPPINGS_FILE_PARAM} (a file in that format),
 * else the mappings of {@link IntranetPlugin}'s configuration. The observatory is the servlet-context attribute
 * {@value #OBSERVATORY_ATTRIBUTE} if the application set one, else the plugin's, else {@code GlobalObservatory}.
 *
 * <p>The host comes first: the filter does no I/O on a request, takes no lock, and nothing it or the observatory
 * throws reaches the request. Exceptions of the application itself pass through untouched and are not counted.
 */
public class ObservatoireFilter implements Filter {
    /** The servlet-context attribute under which an application may put the {@link Observatory} to use. */
    public static final String OBSERVATORY_ATTRIBUTE = "fr.observatoire.ia.api.Observatory";
    public static final String MAPPINGS_PARAM = "mappings";
    public static final String MAPPINGS_FILE_PARAM = "mappings-file";

    private static final System.Logger LOG = System.getLogger(ObservatoireFilter.class.getName());

    private final UsageMappings given;
    private Observatory observatory = Observatory.noop();
    private Routes ownRoutes;
    private volatile Routes pluginRoutes;

    /** For {@code web.xml} and {@code @WebFilter}: mappings from the init-params or from the plugin's configuration. */
    public ObservatoireFilter() {
        this(null);
    }

    /** For {@code ServletContext.addFilter}: exactly these mappings. */
    public ObservatoireFilter(UsageMappings mappings) {
        this.given = mappings;
    }

    @Override
    public void init(FilterConfig config) {
        observatory = new SafeObservatory(IntranetRuntime.source(config.getServletContext()));
        UsageMappings own = given != null ? given : fromInitParams(config);
        ownRoutes = own == null ? null : new Routes(own, observatory);
        LOG.log(System.Logger.Level.INFO, () -> "Observatoire filter '" + config.getFilterName() + "': "
                + (own == null ? "mappings from the intranet plugin's configuration" : own.mappings().size() + " AI feature(s)"));
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Route route = request instanceof HttpServletRequest http ? route(http) : null;
        chain.doFilter(request, response);
        if (route != null) {
            afterChain(route, (HttpServletRequest) request, response);
        }
    }

    private Route route(HttpServletRequest request) {
        try {
            Routes routes = routes();
            if (routes == null) {
                return null;
            }
            String pathInfo = request.getPathInfo();
            String path = pathInfo == null ? request.getServletPath() : request.getServletPath() + pathInfo;
            int index = routes.mappings().indexOf(request.getMethod(), path);
            return index < 0 ? null : routes.routes()[index];
        } catch (RuntimeException | Error e) {
            ObservatoryFailures.record(e);
            return null;
        }
    }

    private Routes routes() {
        if (ownRoutes != null) {
            return ownRoutes;
        }
        UsageMappings mappings = IntranetRuntime.mappingsOrNull();
        if (mappings == null) {
            return null;
        }
        Routes routes = pluginRoutes;
        if (routes == null || routes.mappings() != mappings) {
            routes = new Routes(mappings, observatory);
            pluginRoutes = routes;
        }
        return routes;
    }

    private void afterChain(Route route, HttpServletRequest request, ServletResponse response) {
        try {
            if (request.isAsyncStarted()) {
                // The status is only known when the asynchronous processing completes; the user is read now, from the
                // request this filter was given (the one in the completion event may be the container's unwrapped one).
                request.getAsyncContext().addListener(new CountOnCompletion(route, user(request)));
            } else {
                count(route, user(request), response);
            }
        } catch (RuntimeException | Error e) {
            ObservatoryFailures.record(e);
        }
    }

    private void count(Route route, String user, ServletResponse response) {
        if (!(response instanceof HttpServletResponse http) || http.getStatus() < 200 || http.getStatus() >= 400) {
            return;
        }
        route.counter().increment();
        if (user != null) {
            observatory.agentActive(route.mapping().usageId(), user);
        }
    }

    private static String user(HttpServletRequest http) {
        String user = http.getRemoteUser();
        if (user == null) {
            Principal principal = http.getUserPrincipal();
            user = principal == null ? null : principal.getName();
        }
        return user == null || user.isBlank() ? null : user;
    }

    private static UsageMappings fromInitParams(FilterConfig config) {
        String text = config.getInitParameter(MAPPINGS_PARAM);
        String file = config.getInitParameter(MAPPINGS_FILE_PARAM);
        if (text == null && file == null) {
            return null;
        }
        String filter = "Observatoire filter '" + config.getFilterName() + "': ";
        List<UsageMapping> mappings = new ArrayList<>();
        if (text != null) {
            mappings.addAll(UsageMappings.parse(text, error -> LOG.log(System.Logger.Level.WARNING,
                    filter + "mapping skipped, init-param " + MAPPINGS_PARAM + " " + error)).mappings());
        }
        if (file != null) {
            Path path = Path.of(file.trim());
            try {
                mappings.addAll(UsageMappings.read(path, error -> LOG.log(System.Logger.Level.WARNING,
                        filter + "mapping skipped, " + path + " " + error)).mappings());
            } catch (IOException | RuntimeException e) {
                // A missing file must not stop the application from deploying: it runs, uncounted, and the log says why.
                LOG.log(System.Logger.Level.WARNING, filter + "cannot read the mapping file " + path + " (" + e
                        + "); its AI features are not counted");
            }
        }
        return UsageMappings.of(mappings);
    }

    @Override
    public void destroy() {
    }

    /** A mapping with its counter, kept so that a request looks nothing up in the observatory. */
    private record Route(UsageMapping mapping, ActivityCounter counter) {
    }

    /** The mappings and their routes, in the same order. */
    private record Routes(UsageMappings mappings, Route[] routes) {
        Routes(UsageMappings mappings, Observatory observatory) {
            this(mappings, mappings.mappings().stream()
                    .map(m -> new Route(m, observatory.activity(m.usageId(), m.service(), m.action())))
                    .toArray(Route[]::new));
        }
    }

    private final class CountOnCompletion implements AsyncListener {
        private final Route route;
        private final String user;

        CountOnCompletion(Route route, String user) {
            this.route = route;
            this.user = user;
        }

        @Override
        public void onComplete(AsyncEvent event) {
            try {
                count(route, user, event.getSuppliedResponse());
            } catch (RuntimeException | Error e) {
                ObservatoryFailures.record(e);
            }
        }

        @Override
        public void onTimeout(AsyncEvent event) {
        }

        @Override
        public void onError(AsyncEvent event) {
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // The application restarted the asynchronous cycle: keep listening to the new one.
            event.getAsyncContext().addListener(this);
        }
    }
}
