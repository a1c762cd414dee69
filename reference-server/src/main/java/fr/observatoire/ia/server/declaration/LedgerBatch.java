package fr.observatoire.ia.server.declaration;

import fr.observatoire.ia.model.Declaration;
import fr.observatoire.ia.protocol.messages.Receipt;
import fr.observatoire.ia.server.db.Sql;
import fr.observatoire.ia.server.enrolment.SigningKeyRepository;
import fr.observatoire.ia.server.log.LogEntry;
import fr.observatoire.ia.server.log.TransparencyLog;
import fr.observatoire.ia.server.problem.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One batch of declarations in one transaction: lock the log, decide each one, store the accepted ones,
 * append them to the log (one signed checkpoint), and build their receipts.
 */
@ApplicationScoped
public class LedgerBatch {
    /** Either the answer for one declaration or its refusal. */
    record Outcome(DeclarationService.Acceptance acceptance, ApiProblem refusal) {
    }

    private final TransparencyLog log;
    private final DeclarationRepository declarations;
    private final StoredReceipts receipts;
    private final SigningKeyRepository keys;
    private final IssuedAtPolicy issuedAt;

    @Inject
    LedgerBatch(TransparencyLog log, DeclarationRepository declarations, StoredReceipts receipts, SigningKeyRepository keys,
                IssuedAtPolicy issuedAt) {
        this.log = log;
        this.declarations = declarations;
        this.receipts = receipts;
        this.keys = keys;
        this.issuedAt = issuedAt;
    }

    /** The outcomes, in the order of {@code items}. Runs inside the caller's transaction. */
    List<Outcome> write(Connection connection, List<Admitted> items) throws SQLException {
        TransparencyLog.Appender appender = log.lock(connection);
        Instant now = Sql.now();
        BatchAdmission admission = BatchAdmission.prepare(connection, items, declarations, receipts, keys, issuedAt, now);
        List<BatchAdmission.Decision> decisions = new ArrayList<>(items.size());
        List<ApiProblem> refusals = new ArrayList<>(items.size());
        List<Admitted> accepted = new ArrayList<>();
        for (Admitted item : items) {
            try {
                BatchAdmission.Decision decision = admission.admit(item);
                decisions.add(decision);
                refusals.add(null);
                if (decision instanceof BatchAdmission.Accept) {
                    accepted.add(item);
                }
            } catch (ApiProblem refusal) {
                decisions.add(null);
                refusals.add(refusal);
            }
        }
        Map<UUID, Receipt> receipts = store(connection, appender, accepted, now);
        declarations.saveChainHeads(connection, admission.movedHeads(), admission.startedHeads());
        List<Outcome> outcomes = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            BatchAdmission.Decision decision = decisions.get(i);
            UUID id = items.get(i).verified().declaration().id();
            if (decision == null) {
                outcomes.add(new Outcome(null, refusals.get(i)));
            } else if (decision instanceof BatchAdmission.Stored stored) {
                outcomes.add(new Outcome(new DeclarationService.Acceptance(stored.receipt(), false), null));
            } else {
                // Accept for the first of its id in the batch, SameAs for its identical copies.
                outcomes.add(new Outcome(new DeclarationService.Acceptance(receipts.get(id), decision instanceof BatchAdmission.Accept), null));
            }
        }
        return outcomes;
    }

    private Map<UUID, Receipt> store(Connection connection, TransparencyLog.Appender appender, List<Admitted> accepted, Instant receivedAt)
            throws SQLException {
        if (accepted.isEmpty()) {
            return Map.of();
        }
        declarations.insertAll(connection, accepted, receivedAt);
        List<LogEntry> entries = new ArrayList<>(accepted.size());
        for (Admitted item : accepted) {
            entries.add(LogEntry.declaration(item.verified().declaration().id(), item.verified().jws()));
        }
        List<TransparencyLog.Appended> appended = appender.append(entries);
        Map<UUID, Receipt> receipts = new HashMap<>();
        for (int i = 0; i < accepted.size(); i++) {
            VerifiedDeclaration verified = accepted.get(i).verified();
            Declaration declaration = verified.declaration();
            TransparencyLog.Appended leaf = appended.get(i);
            receipts.put(declaration.id(), new Receipt(declaration.id(), declaration.declarant().siren(), declaration.sequence(),
                    verified.payloadHash(), receivedAt, leaf.index(), leaf.tlogProof()));
        }
        return receipts;
    }
}
