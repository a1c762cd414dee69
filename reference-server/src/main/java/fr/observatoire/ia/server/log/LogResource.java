package fr.observatoire.ia.server.log;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/**
 * The transparency log, public: anyone can check that it only grows, and that a receipt's declaration
 * is in it. Declarations' contents are not served here (see {@link AdminLogResource}).
 */
@Path("/api/v1/log")
public class LogResource {
    static final String TEXT = MediaType.TEXT_PLAIN + ";charset=utf-8";

    private final LogService log;
    private final LogKey key;

    @Inject
    LogResource(LogService log, LogKey key) {
        this.log = log;
        this.key = key;
    }

    @GET
    @Path("/key")
    @Produces(TEXT)
    @Operation(summary = "The log's verifier key", description = "C2SP note verifier key <origin>+<key id>+<base64 key>, one line.")
    public String key() {
        return key.vkey() + "\n";
    }

    @GET
    @Path("/checkpoint")
    @Produces(TEXT)
    @Operation(summary = "The latest signed checkpoint", description = "C2SP tlog-checkpoint as a signed note: origin, tree size, "
            + "base64 root hash, a blank line, the signature line.")
    public String checkpoint() {
        return log.latestCheckpoint().note();
    }

    @GET
    @Path("/proofs/inclusion")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Inclusion proof of a leaf", description = "index: the leaf (a receipt's logIndex); size: the tree size "
            + "(a checkpoint's; default the latest). RFC 9162 audit path, base64 hashes.")
    public InclusionProofView inclusion(@QueryParam("index") String index, @QueryParam("size") String size) {
        return log.inclusionProof(index, size);
    }

    @GET
    @Path("/proofs/consistency")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Consistency proof between two tree sizes", description = "from: an older checkpoint's size (>= 1); to: a "
            + "newer one's (default the latest). RFC 9162 consistency proof, base64 hashes.")
    public ConsistencyProofView consistency(@QueryParam("from") String from, @QueryParam("to") String to) {
        return log.consistencyProof(from, to);
    }

    @GET
    @Path("/entries")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Leaves of the log", description = "From 'start' (default 0), at most 'limit' (1 to 1000, default 100). "
            + "Every leaf's hash and kind; the data of key events (declarations' contents: admin API).")
    public List<LogEntryView> entries(@QueryParam("start") String start, @QueryParam("limit") String limit) {
        return log.entries(start, limit, false);
    }
}
