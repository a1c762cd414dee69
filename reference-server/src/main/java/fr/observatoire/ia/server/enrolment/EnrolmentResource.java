package fr.observatoire.ia.server.enrolment;

import fr.observatoire.ia.protocol.jose.Jws;
import fr.observatoire.ia.protocol.messages.EnrolmentResponse;
import fr.observatoire.ia.server.log.LogKey;
import fr.observatoire.ia.server.web.RequestBodies;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

import java.io.InputStream;

/** Enrolment of a collectivité's public key, with the one-time code the observatory gave it. */
@Path("/api/v1/enrolments")
public class EnrolmentResource {
    private final RequestBodies bodies;
    private final EnrolmentService enrolments;
    private final LogKey logKey;

    @Inject
    EnrolmentResource(RequestBodies bodies, EnrolmentService enrolments, LogKey logKey) {
        this.bodies = bodies;
        this.enrolments = enrolments;
        this.logKey = logKey;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Enrol a public key",
            description = "Body: compact JWS, typ observatoire-enrolment+jws, the Ed25519 public key in the 'jwk' header, "
                    + "payload {siren, enrolmentCode, requestedAt}. 201 when enrolled, 200 for an identical retry. The answer carries "
                    + "the verifier key of the observatory's transparency log (logKey), with which receipts are checked.")
    @RequestBody(content = @Content(mediaType = Jws.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)))
    public Response enrol(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body, @Context UriInfo uri) {
        EnrolmentService.Enrolment enrolment = enrolments.enrol(bodies.readJws(body, contentType));
        EnrolledKey key = enrolment.key();
        String declarationsUrl = uri.getBaseUriBuilder().path("api/v1/declarations").build().toString();
        return Response.status(enrolment.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(new EnrolmentResponse(key.siren(), key.kid(), key.enrolledAt(), declarationsUrl, logKey.vkey()))
                .build();
    }
}
