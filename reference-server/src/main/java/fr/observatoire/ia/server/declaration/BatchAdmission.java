package fr.observatoire.ia.server.declaration;

import fr.observatoire.ia.model.Declaration;
import fr.observatoire.ia.protocol.messages.Receipt;
import fr.observatoire.ia.server.enrolment.KeyLifecycle;
import fr.observatoire.ia.server.enrolment.KeyStates;
import fr.observatoire.ia.server.enrolment.SigningKeyRepository;
import fr.observatoire.ia.server.problem.ApiProblem;
import fr.observatoire.ia.protocol.messages.ProblemType;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Decides, under the log's lock, what becomes of each declaration of a batch, in the order of
 * docs/problems.md: the same declaration again gets its receipt (whatever happened to its key since, and
 * whatever its age); then the key must still be active, issuedAt plausible, and the declaration the next
 * link of its declarant's chain. The batch's own earlier decisions count as stored.
 *
 * <p>What the decisions need from the database (stored receipts, keys' states, chain heads) is read
 * for the whole batch at once, in three queries: the lock is held for as short a time as possible.
 */
final class BatchAdmission {
    /** What to do with one declaration (refusals are thrown as problems). */
    sealed interface Decision {
    }

    /** New: store it and append it to the log. */
    record Accept() implements Decision {
    }

    /** Already stored: answer with its receipt. */
    record Stored(Receipt receipt) implements Decision {
    }

    /** The same declaration as one accepted earlier in this batch: answer with that one's receipt. */
    record SameAs(UUID id) implements Decision {
    }

    private final Connection connection;
    private final DeclarationRepository declarations;
    private final IssuedAtPolicy issuedAt;
    private final Instant now;
    private final Map<UUID, StoredReceipts.StoredReceipt> stored;
    private final Map<String, KeyLifecycle> keys;
    /** Every declarant's head: as stored (those absent have none yet), then as this batch moves it. */
    private final Map<String, ChainHead> heads;
    private final Set<String> storedHeads;
    private final Map<UUID, String> acceptedHashes = new HashMap<>();
    private final Map<String, ChainHead> acceptedLinks = new HashMap<>();

    private BatchAdmission(Connection connection, DeclarationRepository declarations, IssuedAtPolicy issuedAt, Instant now,
                           Map<UUID, StoredReceipts.StoredReceipt> stored, Map<String, KeyLifecycle> keys, Map<String, ChainHead> heads) {
        this.connection = connection;
        this.declarations = declarations;
        this.issuedAt = issuedAt;
        this.now = now;
        this.stored = stored;
        this.keys = keys;
        this.heads = heads;
        this.storedHeads = Set.copyOf(heads.keySet());
    }

    /** Reads what deciding {@code items} needs. */
    static BatchAdmission prepare(Connection connection, List<Admitted> items, DeclarationRepository declarations, StoredReceipts receipts,
                                  SigningKeyRepository signingKeys, IssuedAtPolicy issuedAt, Instant now) throws SQLException {
        Set<UUID> ids = new LinkedHashSet<>();
        Set<String> kids = new LinkedHashSet<>();
        Set<String> sirens = new LinkedHashSet<>();
        for (Admitted item : items) {
            ids.add(item.verified().declaration().id());
            kids.add(item.verified().key().kid());
            sirens.add(item.verified().declaration().declarant().siren());
        }
        return new BatchAdmission(connection, declarations, issuedAt, now, receipts.find(connection, ids),
                signingKeys.lifecycles(connection, kids), new HashMap<>(declarations.chainHeads(connection, sirens)));
    }

    Decision admit(Admitted item) throws SQLException {
        VerifiedDeclaration verified = item.verified();
        Declaration declaration = verified.declaration();
        UUID id = declaration.id();
        String inBatch = acceptedHashes.get(id);
        if (inBatch != null) {
            requireSameContent(id, inBatch, verified.payloadHash());
            return new SameAs(id);
        }
        StoredReceipts.StoredReceipt known = stored.get(id);
        if (known != null) {
            requireSameContent(id, known.payloadHash(), verified.payloadHash());
            return new Stored(known.receipt());
        }
        // The key's state now, under the lock: a rotation or revocation committed since the signature check counts.
        KeyStates.requireActive(Objects.requireNonNull(keys.get(verified.key().kid()), "the verified key is stored"));
        issuedAt.check(declaration.issuedAt(), now);
        checkChain(declaration);
        accept(declaration, verified.payloadHash());
        return new Accept();
    }

    /** The heads this batch moved, of declarants that had one. */
    Collection<ChainHead> movedHeads() {
        return heads.values().stream().filter(head -> acceptedHashes.containsKey(head.declarationId()) && storedHeads.contains(head.siren()))
                .toList();
    }

    /** The heads this batch created: the first declarations of their declarants. */
    Collection<ChainHead> startedHeads() {
        return heads.values().stream().filter(head -> acceptedHashes.containsKey(head.declarationId()) && !storedHeads.contains(head.siren()))
                .toList();
    }

    private static void requireSameContent(UUID id, String storedHash, String payloadHash) {
        if (!storedHash.equals(payloadHash)) {
            throw new ApiProblem(ProblemType.DECLARATION_CONFLICT, "the declaration " + id + " was already received with other content ("
                    + storedHash + "); a new declaration needs a new id");
        }
    }

    /**
     * The chain rules: a declaration takes the place right after its declarant's last one (a later
     * place is a gap: the missing ones may still arrive), and builds on the hash of the declaration the
     * observatory holds at the place before (otherwise the sender's history forked from ours); a place
     * already taken, on the same history, is stale (a replay, or a client behind the observatory).
     */
    private void checkChain(Declaration declaration) throws SQLException {
        String siren = declaration.declarant().siren();
        ChainHead head = heads.getOrDefault(siren, ChainHead.empty(siren));
        long sequence = declaration.sequence();
        if (sequence > head.nextSequence()) {
            throw new ApiProblem(ProblemType.SEQUENCE_GAP, "the next declaration of SIREN " + siren + " must have sequence "
                    + head.nextSequence() + ", this one has " + sequence + "; send the missing declarations first"
                    + " (this one may be retried once they are accepted)");
        }
        String expectedPrevious = sequence == 1 ? null : hashAt(siren, sequence - 1, head);
        if (!Objects.equals(declaration.previousHash(), expectedPrevious)) {
            throw new ApiProblem(ProblemType.CHAIN_FORK, "the previousHash " + declaration.previousHash() + " of sequence " + sequence
                    + " does not match the observatory's declaration " + (sequence - 1) + " of SIREN " + siren + " (" + expectedPrevious
                    + "); this chain forked from the observatory's: see /api/v1/declarants/" + siren + "/chain-head");
        }
        if (sequence < head.nextSequence()) {
            throw new ApiProblem(ProblemType.STALE_SEQUENCE, "the sequence " + sequence + " of SIREN " + siren + " is already taken by the"
                    + " declaration " + idAt(siren, sequence, head) + " (the chain is at " + head.sequence() + "); a declaration replayed"
                    + " or built on an outdated state is refused: see /api/v1/declarants/" + siren + "/chain-head");
        }
    }

    private void accept(Declaration declaration, String payloadHash) {
        String siren = declaration.declarant().siren();
        acceptedHashes.put(declaration.id(), payloadHash);
        ChainHead link = new ChainHead(siren, declaration.sequence(), payloadHash, declaration.id(), now);
        acceptedLinks.put(link(siren, declaration.sequence()), link);
        heads.put(siren, link);
    }

    /** The hash at {@code sequence} (at most the head's): the head, one accepted in this batch, or a stored one. */
    private String hashAt(String siren, long sequence, ChainHead head) throws SQLException {
        if (sequence == head.sequence()) {
            return head.declarationHash();
        }
        ChainHead inBatch = acceptedLinks.get(link(siren, sequence));
        return inBatch != null ? inBatch.declarationHash() : declarations.hashAtSequence(connection, siren, sequence).orElse(null);
    }

    /** The id at {@code sequence} (at most the head's), to name it in a refusal. */
    private UUID idAt(String siren, long sequence, ChainHead head) throws SQLException {
        if (sequence == head.sequence()) {
            return head.declarationId();
        }
        ChainHead inBatch = acceptedLinks.get(link(siren, sequence));
        return inBatch != null ? inBatch.declarationId() : declarations.idAtSequence(connection, siren, sequence).orElse(null);
    }

    private static String link(String siren, long sequence) {
        return siren + "#" + sequence;
    }
}
