package fr.observatoire.ia.server.declaration;

import fr.observatoire.ia.model.ActivityCount;
import fr.observatoire.ia.protocol.messages.DeclarationBatchResult;
import fr.observatoire.ia.protocol.messages.ProblemType;
import fr.observatoire.ia.protocol.messages.Receipt;
import fr.observatoire.ia.server.db.Database;
import fr.observatoire.ia.server.problem.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Accepts declarations: verified on the request's thread, then decided, stored and appended to the
 * transparency log by the {@link DeclarationLedger}, which answers with the receipt. A resubmission of
 * the same content gets the stored receipt.
 */
@ApplicationScoped
public class DeclarationService {
    private static final Logger LOG = Logger.getLogger(DeclarationService.class);

    private final Database database;
    private final DeclarationVerifier verifier;
    private final DeclarationLedger ledger;
    private final DeclarationRepository declarations;
    private final StoredReceipts receipts;
    private final SirenQuota quota;

    @Inject
    DeclarationService(Database database, DeclarationVerifier verifier, DeclarationLedger ledger, DeclarationRepository declarations,
                       StoredReceipts receipts, SirenQuota quota) {
        this.database = database;
        this.verifier = verifier;
        this.ledger = ledger;
        this.declarations = declarations;
        this.receipts = receipts;
        this.quota = quota;
    }

    /** The receipt, and whether this request stored the declaration (false: a resubmission). */
    public record Acceptance(Receipt receipt, boolean created) {
    }

    public Acceptance submit(String compactJws) {
        Acceptance acceptance = ledger.submit(admit(compactJws));
        if (acceptance.created()) {
            Receipt receipt = acceptance.receipt();
            LOG.debugf("accepted declaration %s of SIREN %s, sequence %d, log index %d", receipt.declarationId(), receipt.siren(),
                    receipt.sequence(), receipt.logIndex());
        }
        return acceptance;
    }

    /**
     * Decides each declaration of a batch as {@link #submit} would, in order, and answers one result each. The
     * signatures are checked first, then every admitted declaration is queued at once: they share the log's
     * transactions instead of waiting for one each.
     */
    public BatchOutcome submitAll(List<String> compactJwss) {
        DeclarationBatchResult.Item[] results = new DeclarationBatchResult.Item[compactJwss.size()];
        long retryAfter = 0;
        List<Admitted> admitted = new ArrayList<>(compactJwss.size());
        List<Integer> positions = new ArrayList<>(compactJwss.size());
        for (int i = 0; i < compactJwss.size(); i++) {
            try {
                admitted.add(admit(compactJwss.get(i)));
                positions.add(i);
            } catch (ApiProblem refusal) {
                results[i] = DeclarationBatchResult.Item.refused(refusal.toProblem());
                retryAfter = Math.max(retryAfter, retryAfterSeconds(refusal));
            }
        }
        List<CompletableFuture<Acceptance>> answers = ledger.submitAll(admitted);
        long deadline = DeclarationLedger.answerDeadline();
        for (int k = 0; k < answers.size(); k++) {
            int position = positions.get(k);
            try {
                Acceptance acceptance = DeclarationLedger.await(answers.get(k), deadline);
                results[position] = DeclarationBatchResult.Item.accepted(acceptance.receipt(), acceptance.created());
            } catch (ApiProblem refusal) {
                results[position] = DeclarationBatchResult.Item.refused(refusal.toProblem());
                retryAfter = Math.max(retryAfter, retryAfterSeconds(refusal));
            } catch (RuntimeException e) {
                LOG.errorf(e, "declaration %d of a batch could not be stored", position);
                results[position] = DeclarationBatchResult.Item.refused(new ApiProblem(ProblemType.INTERNAL_ERROR,
                        "the declaration could not be stored; retry later").toProblem());
            }
        }
        return new BatchOutcome(new DeclarationBatchResult(List.of(results)), retryAfter);
    }

    /** What is checked before the log's queue: the signature and content, then the signer's quota. */
    private Admitted admit(String compactJws) {
        VerifiedDeclaration verified = verifier.verify(compactJws);
        quota.take(verified.key().siren());
        return new Admitted(verified, activityTotal(verified.declaration().activity()));
    }

    /** A batch's answer, and the longest Retry-After its refusals asked for (0: none). */
    public record BatchOutcome(DeclarationBatchResult result, long retryAfterSeconds) {
    }

    private static long retryAfterSeconds(ApiProblem refusal) {
        String value = refusal.headers().get("Retry-After");
        return value == null ? 0 : Long.parseLong(value);
    }

    public List<DeclarationSummary> list(String siren, int limit, int offset) {
        return database.read(connection -> declarations.list(connection, siren, limit, offset));
    }

    public long count() {
        return database.read(declarations::count);
    }

    public Optional<DeclarationSummary> summary(UUID id) {
        return database.read(connection -> declarations.summary(connection, id));
    }

    public Optional<SignedDeclaration> signed(UUID id) {
        return database.read(connection -> declarations.signed(connection, id));
    }

    /** The receipt given when the declaration was accepted. */
    public Optional<Receipt> receipt(UUID id) {
        return database.read(connection -> receipts.find(connection, id)).map(StoredReceipts.StoredReceipt::receipt);
    }

    /** Where the declarant's chain continues. */
    public ChainHead chainHead(String siren) {
        return database.read(connection -> declarations.chainHead(connection, siren)).orElseGet(() -> ChainHead.empty(siren));
    }

    /** The sum of the activity counts; refused if it does not fit 63 bits, which no real activity reaches. */
    private static long activityTotal(List<ActivityCount> activity) {
        long total = 0;
        for (ActivityCount count : activity) {
            try {
                total = Math.addExact(total, count.count());
            } catch (ArithmeticException e) {
                throw new ApiProblem(ProblemType.INVALID_DECLARATION, "the activity counts add up to more than " + Long.MAX_VALUE);
            }
        }
        return total;
    }
}
