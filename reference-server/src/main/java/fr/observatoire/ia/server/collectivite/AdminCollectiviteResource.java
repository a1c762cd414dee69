package fr.observatoire.ia.server.collectivite;

import fr.observatoire.ia.protocol.messages.ProblemType;
import fr.observatoire.ia.server.enrolment.IssuedCode;
import fr.observatoire.ia.server.security.AdminOnly;
import fr.observatoire.ia.server.web.JsonBodies;
import fr.observatoire.ia.server.web.RequestBodies;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;

import java.io.InputStream;
import java.util.List;

/** Admin API: registering collectivités and giving them enrolment codes. */
@Path("/api/v1/admin/collectivites")
@AdminOnly
@Produces(MediaType.APPLICATION_JSON)
@SecurityScheme(securitySchemeName = "admin", type = SecuritySchemeType.HTTP, scheme = "bearer")
@SecurityRequirement(name = "admin")
public class AdminCollectiviteResource {
    private final RequestBodies bodies;
    private final CollectiviteService collectivites;

    @Inject
    AdminCollectiviteResource(RequestBodies bodies, CollectiviteService collectivites) {
        this.bodies = bodies;
        this.collectivites = collectivites;
    }

    @POST
    @Operation(summary = "Register a collectivité", description = "Answers with its first enrolment code, shown only once.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RegistrationRequest.class)))
    public Response register(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body, @Context UriInfo uri) {
        byte[] json = bodies.read(body);
        RequestBodies.requireMediaType(contentType, MediaType.APPLICATION_JSON);
        RegistrationResponse registered = collectivites.register(JsonBodies.read(json, RegistrationRequest.class, ProblemType.INVALID_REQUEST));
        return Response.created(uri.getAbsolutePathBuilder().path(registered.siren()).build()).entity(registered).build();
    }

    @POST
    @Path("/{siren}/enrolment-codes")
    @Operation(summary = "Issue a new enrolment code", description = "The collectivité's unused older codes stop working.")
    public Response newEnrolmentCode(@PathParam("siren") String siren) {
        IssuedCode code = collectivites.newEnrolmentCode(siren);
        return Response.status(Response.Status.CREATED).entity(code).build();
    }

    @GET
    @Operation(summary = "List registered collectivités with their keys")
    public List<AdminCollectiviteView> list() {
        return collectivites.adminList();
    }
}
