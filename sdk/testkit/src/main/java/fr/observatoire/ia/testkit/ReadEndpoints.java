package fr.observatoire.ia.testkit;

import fr.observatoire.ia.model.Identifiers;
import fr.observatoire.ia.protocol.messages.ProblemType;

import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The GET resources of the protocol a client reads, as the reference server serves them: a declaration's receipt,
 * a declarant's chain head (where a collectivité that lost its state resumes), a key's public JWK and state, and the
 * transparency log (key, signed checkpoint, inclusion and consistency proofs with hashes in base64).
 */
final class ReadEndpoints {
    private static final String RECEIPT = "/receipt";
    private static final String CHAIN_HEAD = "/chain-head";

    private final Registry registry;
    private final Ledger ledger;
    private final TransparencyLog log;

    /** As the reference server's ConsistencyProofView: hashes in base64. */
    record ConsistencyProof(long from, long to, List<String> proof) {
    }

    /** As the reference server's InclusionProofView: the leaf hash and the audit path in base64. */
    record InclusionProof(long index, long size, String leafHash, List<String> proof) {
    }

    ReadEndpoints(Registry registry, Ledger ledger, TransparencyLog log) {
        this.registry = registry;
        this.ledger = ledger;
        this.log = log;
    }

    /** The answer for {@code path}, or not-found. */
    HttpAnswer get(String path, Function<String, String> query) {
        return switch (path) {
            case FakeObservatory.LOG_KEY_PATH -> HttpAnswer.text(200, log.verifier().vkey() + "\n");
            case FakeObservatory.CHECKPOINT_PATH -> HttpAnswer.text(200, log.signedCheckpoint());
            case FakeObservatory.LOG_PATH + "/proofs/consistency" -> consistency(query.apply("from"), query.apply("to"));
            case FakeObservatory.LOG_PATH + "/proofs/inclusion" -> inclusion(query.apply("index"), query.apply("size"));
            default -> resource(path);
        };
    }

    private HttpAnswer resource(String path) {
        String declarations = FakeObservatory.DECLARATIONS_PATH + "/";
        String declarants = "/api/v1/declarants/";
        String keys = FakeObservatory.KEYS_PATH + "/";
        if (path.startsWith(keys) && path.indexOf('/', keys.length()) < 0) {
            String kid = path.substring(keys.length());
            synchronized (registry) {
                // The registry is the lock of the requests that change it.
                return registry.key(kid).map(key -> HttpAnswer.json(200, KeyEndpoints.KeyStatusView.of(key)))
                        .orElseThrow(() -> new Refusal(ProblemType.NOT_FOUND, "no enrolled key has the kid '" + kid + "'"));
            }
        }
        if (path.startsWith(declarations) && path.endsWith(RECEIPT)) {
            UUID id = uuid(path.substring(declarations.length(), path.length() - RECEIPT.length()));
            return ledger.byId(id).map(d -> HttpAnswer.json(200, d.receipt()))
                    .orElseThrow(() -> new Refusal(ProblemType.NOT_FOUND, "no accepted declaration has the id " + id));
        }
        if (path.startsWith(declarants) && path.endsWith(CHAIN_HEAD)) {
            String siren = path.substring(declarants.length(), path.length() - CHAIN_HEAD.length());
            if (!Identifiers.isValidSiren(siren)) {
                throw new Refusal(ProblemType.INVALID_PARAMETER, "'" + siren + "' is not a SIREN (9 digits with a valid Luhn key)");
            }
            return HttpAnswer.json(200, ledger.chainHead(siren));
        }
        throw new Refusal(ProblemType.NOT_FOUND, "no resource at " + path + " on this observatory");
    }

    private HttpAnswer consistency(String fromText, String toText) {
        long treeSize = log.size();
        long to = size("to", toText, treeSize);
        long from = number("from", required("from", fromText));
        if (from <= 0) {
            throw new Refusal(ProblemType.INVALID_LOG_RANGE, "'from' must be >= 1, was " + from + " (a proof from the empty tree proves nothing)");
        }
        if (from > to) {
            throw new Refusal(ProblemType.INVALID_LOG_RANGE, "'from' (" + from + ") must not be larger than 'to' (" + to + ")");
        }
        return HttpAnswer.json(200, new ConsistencyProof(from, to, base64(log.consistencyProof(from, to))));
    }

    private HttpAnswer inclusion(String indexText, String sizeText) {
        long size = size("size", sizeText, log.size());
        long index = number("index", required("index", indexText));
        if (index < 0 || index >= size) {
            throw new Refusal(ProblemType.INVALID_LOG_RANGE, "'index' " + index + " is not a leaf of the tree of size " + size);
        }
        return HttpAnswer.json(200, new InclusionProof(index, size, Base64.getEncoder().encodeToString(log.leafHash(index)),
                base64(log.inclusionProof(index, size))));
    }

    private static long size(String name, String text, long treeSize) {
        long size = text == null || text.isEmpty() ? treeSize : number(name, text);
        if (size <= 0) {
            throw new Refusal(ProblemType.INVALID_LOG_RANGE, text == null || text.isEmpty() ? "the log is empty: there is no tree to prove anything in"
                    : "'" + name + "' must be >= 1, was " + size);
        }
        if (size > treeSize) {
            throw new Refusal(ProblemType.BEYOND_LOG_SIZE, "'" + name + "' " + size + " is beyond the log, whose tree has " + treeSize + " leaves");
        }
        return size;
    }

    private static String required(String name, String text) {
        if (text == null || text.isEmpty()) {
            throw new Refusal(ProblemType.INVALID_LOG_RANGE, "'" + name + "' is required");
        }
        return text;
    }

    private static long number(String name, String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new Refusal(ProblemType.INVALID_LOG_RANGE, "'" + name + "' must be a whole number, was '" + text + "'");
        }
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new Refusal(ProblemType.INVALID_PARAMETER, "'" + text + "' is not a declaration id (a UUID)");
        }
    }

    private static List<String> base64(List<byte[]> hashes) {
        return hashes.stream().map(Base64.getEncoder()::encodeToString).toList();
    }
}
