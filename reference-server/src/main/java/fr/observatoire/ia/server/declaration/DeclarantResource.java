package fr.observatoire.ia.server.declaration;

import fr.observatoire.ia.model.Identifiers;
import fr.observatoire.ia.server.problem.ApiProblem;
import fr.observatoire.ia.protocol.messages.ProblemType;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Where a declarant's chain stands. Public: a sequence number and a hash tell nothing about content,
 * and a collectivité that lost its local state needs it before it can sign its next declaration.
 */
@Path("/api/v1/declarants")
@Produces(MediaType.APPLICATION_JSON)
public class DeclarantResource {
    private final DeclarationService declarations;

    @Inject
    DeclarantResource(DeclarationService declarations) {
        this.declarations = declarations;
    }

    @GET
    @Path("/{siren}/chain-head")
    @Operation(summary = "The declarant's last accepted declaration",
            description = "The next declaration has sequence = sequence + 1 and previousHash = declarationHash (sequence 0: none yet).")
    public ChainHead chainHead(@PathParam("siren") String siren) {
        if (!Identifiers.isValidSiren(siren)) {
            throw new ApiProblem(ProblemType.INVALID_PARAMETER, "'" + siren + "' is not a SIREN (9 digits with a valid Luhn key)");
        }
        return declarations.chainHead(siren);
    }
}
