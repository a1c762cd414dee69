package fr.observatoire.ia.server.collectivite;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/** Public list of registered collectivités (their identifiers are public data). */
@Path("/api/v1/collectivites")
@Produces(MediaType.APPLICATION_JSON)
public class CollectiviteResource {
    private final CollectiviteService collectivites;

    @Inject
    CollectiviteResource(CollectiviteService collectivites) {
        this.collectivites = collectivites;
    }

    @GET
    @Operation(summary = "List registered collectivités")
    public List<CollectiviteView> list() {
        return collectivites.publicList();
    }
}
