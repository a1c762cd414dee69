package fr.observatoire.ia.server.keys;

import fr.observatoire.ia.protocol.messages.ProblemType;
import fr.observatoire.ia.server.security.AdminOnly;
import fr.observatoire.ia.server.web.JsonBodies;
import fr.observatoire.ia.server.web.RequestBodies;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.io.InputStream;

/** Admin API: revoking a collectivité's key (then issue a new enrolment code so that it enrols a new one). */
@Path("/api/v1/admin/collectivites/{siren}/keys")
@AdminOnly
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "admin")
public class AdminKeyResource {
    private final RequestBodies bodies;
    private final KeyRevocationService revocations;

    @Inject
    AdminKeyResource(RequestBodies bodies, KeyRevocationService revocations) {
        this.bodies = bodies;
        this.revocations = revocations;
    }

    @POST
    @Path("/{kid}/revocation")
    @Operation(summary = "Revoke a key", description = "Body {\"reason\": \"...\"} (required, public: it is appended to the log). "
            + "200 with the key's status, also when it was revoked already.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AdminRevocationRequest.class)))
    public KeyStatus revoke(@PathParam("siren") String siren, @PathParam("kid") String kid,
                            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        byte[] json = bodies.read(body);
        RequestBodies.requireMediaType(contentType, MediaType.APPLICATION_JSON);
        AdminRevocationRequest request = JsonBodies.read(json, AdminRevocationRequest.class, ProblemType.INVALID_REQUEST);
        return revocations.revokeByObservatory(siren, kid, request.reason());
    }
}
