package fr.observatoire.ia.server.declaration;

import fr.observatoire.ia.model.Identifiers;
import fr.observatoire.ia.protocol.jose.Jws;
import fr.observatoire.ia.protocol.messages.DeclarationBatch;
import fr.observatoire.ia.protocol.messages.Receipt;
import fr.observatoire.ia.server.problem.ApiProblem;
import fr.observatoire.ia.protocol.messages.ProblemType;
import fr.observatoire.ia.server.web.JsonBodies;
import fr.observatoire.ia.server.web.Paging;
import fr.observatoire.ia.server.web.RequestBodies;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
import java.util.List;
import java.util.UUID;

/** Submission of signed declarations, and the public list of accepted ones (metadata only). */
@Path("/api/v1/declarations")
@Produces(MediaType.APPLICATION_JSON)
public class DeclarationResource {
    private final RequestBodies bodies;
    private final DeclarationService declarations;
    private final int maxBatch;

    @Inject
    DeclarationResource(RequestBodies bodies, DeclarationService declarations, DeclarationConfig config) {
        this.bodies = bodies;
        this.declarations = declarations;
        this.maxBatch = config.maxBatch();
    }

    @POST
    @Operation(summary = "Submit a signed declaration",
            description = "Body: compact JWS, typ observatoire-declaration+jws, kid = the enrolled key's thumbprint, "
                    + "payload = the declaration JSON. 201 with a receipt (log index and C2SP tlog-proof); 200 with the same receipt when "
                    + "the same declaration is sent again. 409 sequence-gap is worth retrying later; 503 overloaded comes with Retry-After.")
    @RequestBody(content = @Content(mediaType = Jws.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)))
    public Response submit(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body, @Context UriInfo uri) {
        DeclarationService.Acceptance acceptance = declarations.submit(bodies.readJws(body, contentType));
        Receipt receipt = acceptance.receipt();
        return Response.status(acceptance.created() ? Response.Status.CREATED : Response.Status.OK)
                .location(uri.getBaseUriBuilder().path(DeclarationResource.class).path(receipt.declarationId().toString()).build())
                .entity(receipt)
                .build();
    }

    @POST
    @Path("/batch")
    @Operation(summary = "Submit several signed declarations at once",
            description = "Body: {\"declarations\": [compact JWS, ...]}, each exactly what the single submission takes, at most "
                    + "observatoire.declaration.max-batch of them (500 by default) within the body limit. Each is decided on its own, "
                    + "in the order given; 200 with one result per declaration in the same order: its status and receipt (201 stored now, "
                    + "200 stored before) or its status and problem. Retry-After (the longest any result asks for) comes with the answer when a result is 503 overloaded or 429 rate-limited.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeclarationBatch.class)))
    public Response submitBatch(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        byte[] bytes = bodies.read(body);
        RequestBodies.requireMediaType(contentType, MediaType.APPLICATION_JSON);
        DeclarationBatch batch = JsonBodies.read(bytes, DeclarationBatch.class, ProblemType.INVALID_REQUEST);
        if (batch.declarations().isEmpty()) {
            throw new ApiProblem(ProblemType.INVALID_REQUEST, "the batch holds no declaration");
        }
        if (batch.declarations().size() > maxBatch) {
            throw new ApiProblem(ProblemType.PAYLOAD_TOO_LARGE, "the batch holds " + batch.declarations().size()
                    + " declarations; this observatory takes at most " + maxBatch + " per request (observatoire.declaration.max-batch)");
        }
        DeclarationService.BatchOutcome outcome = declarations.submitAll(batch.declarations());
        Response.ResponseBuilder answer = Response.ok(outcome.result());
        if (outcome.retryAfterSeconds() > 0) {
            answer.header(HttpHeaders.RETRY_AFTER, Long.toString(outcome.retryAfterSeconds()));
        }
        return answer.build();
    }

    @GET
    @Operation(summary = "List accepted declarations, newest first")
    public List<DeclarationSummary> list(@QueryParam("siren") String siren, @QueryParam("limit") String limit,
                                         @QueryParam("offset") String offset) {
        Paging paging = Paging.of(limit, offset);
        if (siren != null && !Identifiers.isValidSiren(siren)) {
            throw new ApiProblem(ProblemType.INVALID_PARAMETER, "'siren' must be 9 digits with a valid Luhn key, was '" + siren + "'");
        }
        return declarations.list(siren, paging.limit(), paging.offset());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One accepted declaration's metadata")
    public DeclarationSummary get(@PathParam("id") String id) {
        UUID uuid = DeclarationIds.parse(id);
        return declarations.summary(uuid).orElseThrow(() -> DeclarationIds.notFound(uuid));
    }

    @GET
    @Path("/{id}/receipt")
    @Operation(summary = "The receipt given when the declaration was accepted",
            description = "The same receipt as the answer to its submission: log index and C2SP tlog-proof (inclusion in the checkpoint "
                    + "signed when it was appended).")
    public Receipt receipt(@PathParam("id") String id) {
        UUID uuid = DeclarationIds.parse(id);
        return declarations.receipt(uuid).orElseThrow(() -> DeclarationIds.notFound(uuid));
    }
}
