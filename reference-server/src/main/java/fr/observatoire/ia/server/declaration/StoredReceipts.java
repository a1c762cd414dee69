package fr.observatoire.ia.server.declaration;

import fr.observatoire.ia.protocol.messages.Receipt;
import fr.observatoire.ia.server.log.TransparencyLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The receipt of a stored declaration, as it was first given: the declaration's facts, its log index,
 * and the proof of its inclusion in the checkpoint signed when it was appended, rebuilt from the stored
 * tree (byte for byte the same text: the tree below that checkpoint never changes).
 */
@ApplicationScoped
public class StoredReceipts {
    /** A stored declaration's receipt and its content hash (to tell a resubmission from a conflict). */
    record StoredReceipt(Receipt receipt, String payloadHash) {
    }

    private final DeclarationRepository declarations;
    private final TransparencyLog log;

    @Inject
    StoredReceipts(DeclarationRepository declarations, TransparencyLog log) {
        this.declarations = declarations;
        this.log = log;
    }

    Optional<StoredReceipt> find(Connection connection, UUID id) throws SQLException {
        return Optional.ofNullable(find(connection, List.of(id)).get(id));
    }

    /** The receipts of the stored declarations among {@code ids}, by id. */
    Map<UUID, StoredReceipt> find(Connection connection, Collection<UUID> ids) throws SQLException {
        Map<UUID, StoredReceipt> receipts = new HashMap<>();
        for (DeclarationRepository.Stored stored : declarations.findStored(connection, ids).values()) {
            receipts.put(stored.receipt().declarationId(), receipt(connection, stored));
        }
        return receipts;
    }

    private StoredReceipt receipt(Connection connection, DeclarationRepository.Stored found) throws SQLException {
        Receipt receipt = found.receipt();
        if (found.logIndex() != null) {
            receipt = new Receipt(receipt.declarationId(), receipt.siren(), receipt.sequence(), receipt.declarationHash(),
                    receipt.receivedAt(), found.logIndex(), log.tlogProof(connection, found.logIndex(), found.checkpointSize()));
        }
        return new StoredReceipt(receipt, found.payloadHash());
    }
}
