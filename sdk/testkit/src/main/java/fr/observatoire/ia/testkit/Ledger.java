package fr.observatoire.ia.testkit;

import fr.observatoire.ia.model.Declaration;
import fr.observatoire.ia.protocol.Hashes;
import fr.observatoire.ia.protocol.messages.Problem;
import fr.observatoire.ia.protocol.messages.ProblemType;
import fr.observatoire.ia.protocol.messages.Receipt;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The declarations the fake observatory accepted, admitted with the reference server's rules, in its order
 * (docs/problems.md): a declaration already stored gets its receipt before anything else is checked (the same id
 * with other content is a conflict); then the key must be active, {@code issuedAt} plausible, and the declaration
 * must take the place right after its declarant's last one, built on its hash. Also keeps the refusals, so that a
 * test can tell why nothing arrived.
 */
final class Ledger {
    /** The reference server's defaults (observatoire.declaration.max-future-skew and max-age). */
    static final Duration MAX_FUTURE_SKEW = Duration.ofMinutes(5);
    static final Duration MAX_AGE = Duration.ofDays(90);

    /** The result of a submission: what is stored, and whether this request stored it (false: a resubmission). */
    record Acceptance(ReceivedDeclaration received, boolean created) {
    }

    /** Where a declarant's chain continues, as {@code GET /api/v1/declarants/{siren}/chain-head} answers it. */
    record ChainHead(String siren, long sequence, String declarationHash, UUID declarationId, Instant receivedAt) {
    }

    private final TransparencyLog log;
    private final Map<UUID, ReceivedDeclaration> byId = new HashMap<>();
    /** Each declarant's accepted declarations, in sequence order: index i holds sequence i + 1. */
    private final Map<String, List<ReceivedDeclaration>> chains = new HashMap<>();
    private final List<ReceivedDeclaration> received = new ArrayList<>();
    private final List<Problem> refusals = new ArrayList<>();

    Ledger(TransparencyLog log) {
        this.log = log;
    }

    synchronized Acceptance accept(String compactJws, byte[] payload, Declaration declaration, Registry.Key key, Instant now) {
        String hash = Hashes.declarationHash(payload);
        ReceivedDeclaration known = byId.get(declaration.id());
        if (known != null) {
            if (known.receipt().declarationHash().equals(hash)) {
                return new Acceptance(known, false);
            }
            throw new Refusal(ProblemType.DECLARATION_CONFLICT, "the declaration " + declaration.id() + " was already received with other content ("
                    + known.receipt().declarationHash() + "); a new declaration needs a new id");
        }
        KeyStates.requireActive(key);
        checkIssuedAt(declaration.issuedAt(), now);
        List<ReceivedDeclaration> chain = chains.computeIfAbsent(declaration.declarant().siren(), s -> new ArrayList<>());
        checkChain(declaration, chain);

        long index = log.append(compactJws.getBytes(StandardCharsets.US_ASCII));
        Receipt receipt = new Receipt(declaration.id(), declaration.declarant().siren(), declaration.sequence(), hash, now, index,
                log.proof(index).text());
        ReceivedDeclaration accepted = new ReceivedDeclaration(declaration, payload, compactJws, key.kid(), receipt);
        byId.put(declaration.id(), accepted);
        chain.add(accepted);
        received.add(accepted);
        notifyAll();
        return new Acceptance(accepted, true);
    }

    private static void checkIssuedAt(Instant issuedAt, Instant now) {
        if (issuedAt.isAfter(now.plus(MAX_FUTURE_SKEW))) {
            throw new Refusal(ProblemType.ISSUED_IN_FUTURE, "issuedAt " + issuedAt + " is ahead of the observatory's clock (" + now
                    + ") by more than " + MAX_FUTURE_SKEW + "; check the clock of the signing host");
        }
        if (issuedAt.isBefore(now.minus(MAX_AGE))) {
            throw new Refusal(ProblemType.ISSUED_TOO_LONG_AGO, "issuedAt " + issuedAt + " is older than " + MAX_AGE
                    + "; this declaration can no longer be accepted, contact the observatory");
        }
    }

    /** A later place is a gap (the missing ones may still come), another history a fork, a place taken on ours stale. */
    private static void checkChain(Declaration declaration, List<ReceivedDeclaration> chain) {
        String siren = declaration.declarant().siren();
        long sequence = declaration.sequence();
        long next = chain.size() + 1L;
        if (sequence > next) {
            throw new Refusal(ProblemType.SEQUENCE_GAP, "the next declaration of SIREN " + siren + " must have sequence " + next
                    + ", this one has " + sequence + "; send the missing declarations first (this one may be retried once they are accepted)");
        }
        String expectedPrevious = sequence == 1 ? null : chain.get((int) sequence - 2).receipt().declarationHash();
        if (!Objects.equals(declaration.previousHash(), expectedPrevious)) {
            throw new Refusal(ProblemType.CHAIN_FORK, "the previousHash " + declaration.previousHash() + " of sequence " + sequence
                    + " does not match the observatory's declaration " + (sequence - 1) + " of SIREN " + siren + " (" + expectedPrevious + ")");
        }
        if (sequence < next) {
            throw new Refusal(ProblemType.STALE_SEQUENCE, "the sequence " + sequence + " of SIREN " + siren + " is already taken by the declaration "
                    + chain.get((int) sequence - 1).declaration().id() + " (the chain is at " + chain.size() + ")");
        }
    }

    synchronized ChainHead chainHead(String siren) {
        List<ReceivedDeclaration> chain = chains.getOrDefault(siren, List.of());
        if (chain.isEmpty()) {
            return new ChainHead(siren, 0, null, null, null);
        }
        Receipt last = chain.get(chain.size() - 1).receipt();
        return new ChainHead(siren, last.sequence(), last.declarationHash(), last.declarationId(), last.receivedAt());
    }

    synchronized Optional<ReceivedDeclaration> byId(UUID id) {
        return Optional.ofNullable(byId.get(id));
    }

    synchronized void refused(Problem problem) {
        refusals.add(problem);
    }

    synchronized List<ReceivedDeclaration> received() {
        return List.copyOf(received);
    }

    synchronized List<Problem> refusals() {
        return List.copyOf(refusals);
    }

    /** Waits until {@code count} declarations were accepted; returns them all, or what arrived when time ran out. */
    synchronized List<ReceivedDeclaration> await(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (received.size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return List.copyOf(received);
    }

    /** Forgets every declaration and refusal (the log, append-only, keeps its leaves). */
    synchronized void clear() {
        byId.clear();
        chains.clear();
        received.clear();
        refusals.clear();
    }
}
