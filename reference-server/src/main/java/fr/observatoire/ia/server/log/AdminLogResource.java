package fr.observatoire.ia.server.log;

import fr.observatoire.ia.server.security.AdminOnly;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.util.List;

/**
 * The log's leaves with every leaf's data, declarations included, for an audit of the whole log:
 * declarations' contents follow the collectivités' publication choices, so they stay behind the admin
 * token (the public entries carry their hashes).
 */
@Path("/api/v1/admin/log")
@AdminOnly
@SecurityRequirement(name = "admin")
public class AdminLogResource {
    private final LogService log;

    @Inject
    AdminLogResource(LogService log) {
        this.log = log;
    }

    @GET
    @Path("/entries")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Leaves of the log with their data", description = "As /api/v1/log/entries, with each declaration's compact JWS.")
    public List<LogEntryView> entries(@QueryParam("start") String start, @QueryParam("limit") String limit) {
        return log.entries(start, limit, true);
    }
}
