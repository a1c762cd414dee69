package fr.observatoire.ia.server.dashboard;

import fr.observatoire.ia.protocol.messages.ProblemType;
import fr.observatoire.ia.server.problem.ApiProblem;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The public dashboard (the barometer): one page, a stylesheet and a script, all served from here so that nothing
 * is fetched from elsewhere. The page is in French; {@code ?lang=en} serves it with {@code lang="en"} and the script
 * switches its texts. Every figure comes from the statistics API, which enforces the confidentiality rules.
 */
@Path("/tableau-de-bord")
public class DashboardPage {
    private static final String PAGE = load("index.html");
    /** The assets, by name, with their media types; nothing else is served. */
    private static final Map<String, Asset> ASSETS = Map.of(
            "dashboard.css", new Asset(load("dashboard.css"), "text/css;charset=utf-8"),
            "dashboard.js", new Asset(load("dashboard.js"), "text/javascript;charset=utf-8"));

    private record Asset(String content, String mediaType) {
    }

    @GET
    @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
    @Operation(summary = "Public dashboard (HTML, French; ?lang=en for English)")
    public String page(@QueryParam("lang") String lang) {
        String language = "en".equals(lang) ? "en" : "fr";
        return PAGE.replace("{{lang}}", language);
    }

    @GET
    @Path("/{asset}")
    @Operation(summary = "The dashboard's stylesheet and script")
    public Response asset(@PathParam("asset") String name) {
        Asset asset = ASSETS.get(name);
        if (asset == null) {
            throw new ApiProblem(ProblemType.NOT_FOUND, "the dashboard has no file '" + name + "'");
        }
        CacheControl cache = new CacheControl();
        cache.setMaxAge(300);
        return Response.ok(asset.content(), asset.mediaType()).cacheControl(cache).build();
    }

    private static String load(String name) {
        String resource = "/web/dashboard/" + name;
        try (InputStream in = DashboardPage.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
