package fr.observatoire.ia.server.declaration;

import fr.observatoire.ia.server.security.AdminOnly;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.util.UUID;

/**
 * The signed declaration itself, for the admin: its content may include usages the collectivité chose
 * not to publish, so it stays behind the admin token until the publication rules exist.
 */
@Path("/api/v1/admin/declarations")
@AdminOnly
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "admin")
public class AdminDeclarationResource {
    private final DeclarationService declarations;

    @Inject
    AdminDeclarationResource(DeclarationService declarations) {
        this.declarations = declarations;
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One accepted declaration with its compact JWS, to verify it again")
    public SignedDeclaration get(@PathParam("id") String id) {
        UUID uuid = DeclarationIds.parse(id);
        return declarations.signed(uuid).orElseThrow(() -> DeclarationIds.notFound(uuid));
    }
}
