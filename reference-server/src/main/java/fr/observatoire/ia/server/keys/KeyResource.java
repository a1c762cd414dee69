package fr.observatoire.ia.server.keys;

import fr.observatoire.ia.protocol.jose.Jws;
import fr.observatoire.ia.protocol.messages.KeyRotation;
import fr.observatoire.ia.protocol.messages.ProblemType;
import fr.observatoire.ia.server.db.Database;
import fr.observatoire.ia.server.enrolment.SigningKeyRepository;
import fr.observatoire.ia.server.problem.ApiProblem;
import fr.observatoire.ia.server.web.RequestBodies;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

import java.io.InputStream;

/** A collectivité's keys: rotation and revocation (signed by its keys), and any key's status. */
@Path("/api/v1/keys")
@Produces(MediaType.APPLICATION_JSON)
public class KeyResource {
    private final RequestBodies bodies;
    private final KeyRotationService rotations;
    private final KeyRevocationService revocations;
    private final Database database;
    private final SigningKeyRepository keys;

    @Inject
    KeyResource(RequestBodies bodies, KeyRotationService rotations, KeyRevocationService revocations, Database database,
                SigningKeyRepository keys) {
        this.bodies = bodies;
        this.rotations = rotations;
        this.revocations = revocations;
        this.database = database;
        this.keys = keys;
    }

    @POST
    @Path("/rotations")
    @Operation(summary = "Rotate a key",
            description = "Body: compact JWS typ observatoire-key-rotation+jws signed by the current key (kid), payload {newKey}: an inner "
                    + "JWS of the same typ signed by the new key, its public key in the 'jwk' header, payload {siren, oldKid, requestedAt}. "
                    + "201 when rotated, 200 for an identical retry. The old key is retired: what it signed stays verifiable.")
    @RequestBody(content = @Content(mediaType = Jws.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)))
    public Response rotate(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        KeyRotationService.Rotation rotation = rotations.rotate(bodies.readJws(body, contentType));
        KeyRotation.Response response = rotation.response();
        return Response.status(rotation.created() ? Response.Status.CREATED : Response.Status.OK).entity(response).build();
    }

    @POST
    @Path("/revocations")
    @Operation(summary = "Revoke a key",
            description = "Body: compact JWS typ observatoire-key-revocation+jws signed by the key to revoke or by another active key of "
                    + "the same SIREN, payload {siren, kid, reason, requestedAt}. 200 with the key's status.")
    @RequestBody(content = @Content(mediaType = Jws.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)))
    public KeyStatus revoke(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        return revocations.revokeByCollectivite(bodies.readJws(body, contentType));
    }

    @GET
    @Path("/{kid}")
    @Operation(summary = "A key's public JWK and state", description = "To verify what it signed, and whether it may still sign.")
    public KeyStatus get(@PathParam("kid") String kid) {
        return database.read(connection -> keys.find(connection, kid)).map(KeyStatus::of)
                .orElseThrow(() -> new ApiProblem(ProblemType.NOT_FOUND, "no enrolled key has the kid '" + kid + "'"));
    }
}
