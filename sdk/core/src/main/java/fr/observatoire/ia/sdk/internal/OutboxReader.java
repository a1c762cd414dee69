package fr.observatoire.ia.sdk.internal;

import fr.observatoire.ia.protocol.messages.Receipt;
import fr.observatoire.ia.sdk.OutboxDeclaration;
import fr.observatoire.ia.sdk.internal.store.Database;
import fr.observatoire.ia.sdk.internal.store.OutboxEntry;
import fr.observatoire.ia.sdk.internal.store.OutboxTables;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Reads the outbox and its receipts for {@link fr.observatoire.ia.sdk.ObservatoireSdk#outbox()}; writes nothing. */
final class OutboxReader {
    private OutboxReader() {
    }

    static List<OutboxDeclaration> read(Database database) {
        return database.inTransaction(connection -> {
            List<OutboxDeclaration> declarations = new ArrayList<>();
            for (OutboxEntry entry : OutboxTables.all(connection)) {
                Receipt receipt = entry.state() != OutboxEntry.State.SENT ? null
                        : OutboxTables.receipt(connection, entry.declarationId()).map(OutboxTables.StoredReceipt::receipt).orElse(null);
                declarations.add(new OutboxDeclaration(entry.declarationId(), entry.sequence(), LocalDate.parse(entry.periodStart()),
                        entry.payloadHash(), OutboxDeclaration.State.valueOf(entry.state().name()), entry.jws(), entry.previousJws(),
                        receipt));
            }
            return declarations;
        });
    }
}
