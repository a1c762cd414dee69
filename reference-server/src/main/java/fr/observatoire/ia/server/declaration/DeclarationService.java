package fr.observatoire.ia.server.declaration;

import fr.observatoire.ia.model.ActivityCount;
import fr.observatoire.ia.model.Declaration;
import fr.observatoire.ia.protocol.messages.Receipt;
import fr.observatoire.ia.server.db.Database;
import fr.observatoire.ia.server.db.Sql;
import fr.observatoire.ia.server.problem.ApiProblem;
import fr.observatoire.ia.server.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Accepts verified declarations: deduplicates, keeps the (declarant, sequence) place unique, stores in
 * one transaction and gives a receipt. A resubmission of the same content gets the stored receipt.
 */
@ApplicationScoped
public class DeclarationService {
    private static final Logger LOG = Logger.getLogger(DeclarationService.class);

    private final Database database;
    private final DeclarationVerifier verifier;
    private final DeclarationRepository declarations;

    @Inject
    DeclarationService(Database database, DeclarationVerifier verifier, DeclarationRepository declarations) {
        this.database = database;
        this.verifier = verifier;
        this.declarations = declarations;
    }

    /** The receipt, and whether this request stored the declaration (false: a resubmission). */
    public record Acceptance(Receipt receipt, boolean created) {
    }

    public Acceptance submit(String compactJws) {
        VerifiedDeclaration verified = verifier.verify(compactJws);
        long activityTotal = activityTotal(verified.declaration().activity());
        Acceptance acceptance = database.inTransactionRetryingOnConflict(connection -> accept(connection, verified, activityTotal));
        if (acceptance.created()) {
            Receipt receipt = acceptance.receipt();
            LOG.infof("accepted declaration %s of SIREN %s, sequence %d", receipt.declarationId(), receipt.siren(), receipt.sequence());
        }
        return acceptance;
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

    private Acceptance accept(Connection connection, VerifiedDeclaration verified, long activityTotal) throws SQLException {
        Declaration declaration = verified.declaration();
        Optional<DeclarationRepository.Stored> stored = declarations.findStored(connection, declaration.id());
        if (stored.isPresent()) {
            if (stored.get().payloadHash().equals(verified.payloadHash())) {
                return new Acceptance(stored.get().receipt(), false);
            }
            throw new ApiProblem(ProblemType.DECLARATION_CONFLICT, "the declaration " + declaration.id()
                    + " was already received with other content (" + stored.get().payloadHash() + "); a new declaration needs a new id");
        }
        String siren = declaration.declarant().siren();
        Optional<UUID> holder = declarations.idAtSequence(connection, siren, declaration.sequence());
        if (holder.isPresent()) {
            throw new ApiProblem(ProblemType.SEQUENCE_CONFLICT, "the sequence number " + declaration.sequence() + " of SIREN " + siren
                    + " is already taken by the declaration " + holder.get());
        }
        Instant receivedAt = Sql.now();
        declarations.insert(connection, verified, activityTotal, receivedAt);
        return new Acceptance(new Receipt(declaration.id(), siren, declaration.sequence(), verified.payloadHash(), receivedAt), true);
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
