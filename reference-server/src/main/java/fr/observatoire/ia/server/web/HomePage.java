package fr.observatoire.ia.server.web;

import fr.observatoire.ia.server.collectivite.CollectiviteService;
import fr.observatoire.ia.server.collectivite.CollectiviteView;
import fr.observatoire.ia.server.declaration.DeclarationService;
import fr.observatoire.ia.server.declaration.DeclarationSummary;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The public home page, rendered on the server: readable without JavaScript, by screen readers, and
 * with nothing fetched from elsewhere.
 */
@Path("/")
public class HomePage {
    /** How many of the latest declarations the page lists; the API pages through all of them. */
    static final int LATEST = 50;
    private static final String TEMPLATE = load("/web/home.html");

    private final CollectiviteService collectivites;
    private final DeclarationService declarations;

    @Inject
    HomePage(CollectiviteService collectivites, DeclarationService declarations) {
        this.collectivites = collectivites;
        this.declarations = declarations;
    }

    @GET
    @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
    @Operation(summary = "Public home page (HTML, in French)")
    public String page() {
        List<CollectiviteView> registered = collectivites.publicList();
        List<DeclarationSummary> latest = declarations.list(null, LATEST, 0);
        long declarationCount = declarations.count();
        long enrolled = registered.stream().filter(CollectiviteView::enrolled).count();
        return TEMPLATE
                .replace("{{declarationCount}}", HomePageTables.number(declarationCount))
                .replace("{{declarationPlural}}", declarationCount > 1 ? "s" : "")
                .replace("{{collectiviteCount}}", HomePageTables.number(registered.size()))
                .replace("{{collectivitePlural}}", registered.size() > 1 ? "s" : "")
                .replace("{{enrolledCount}}", HomePageTables.number(enrolled))
                .replace("{{collectivites}}", HomePageTables.collectivites(registered))
                .replace("{{declarations}}", HomePageTables.declarations(latest, declarationCount));
    }

    private static String load(String resource) {
        try (InputStream in = HomePage.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
