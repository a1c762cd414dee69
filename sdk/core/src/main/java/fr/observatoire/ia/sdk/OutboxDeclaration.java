package fr.observatoire.ia.sdk;

import fr.observatoire.ia.protocol.messages.Receipt;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A declaration of the outbox as the local store keeps it: the collectivité's evidence of what it declared (the
 * JWS as sent) and of the observatory's acknowledgement (its receipt), for the agent's {@code receipts} command, an
 * admin page, or whoever verifies a receipt with {@code observatoire-audit verify-receipt}.
 *
 * @param id              the declaration's id
 * @param sequence        its place in the collectivité's chain
 * @param periodStart     the first day of the period it declares
 * @param declarationHash {@code sha256:} hash of the payload bytes, as in the receipt
 * @param state           where it stands
 * @param jws             the compact JWS as sent (or to be sent)
 * @param earlierJws      earlier signatures of the same payload, most recent first, replaced when the declaration was
 *                        re-signed after a key change: the observatory may have logged one of them
 * @param receipt         the observatory's receipt, verified when it was received; null unless SENT
 */
public record OutboxDeclaration(UUID id, long sequence, LocalDate periodStart, String declarationHash, State state, String jws,
                                List<String> earlierJws, Receipt receipt) {
    /** PENDING until the observatory answers for good: SENT with a verified receipt, or QUARANTINED on a refusal. */
    public enum State {
        PENDING, SENT, QUARANTINED
    }

    public OutboxDeclaration {
        earlierJws = earlierJws == null ? List.of() : List.copyOf(earlierJws);
    }

    /** Every JWS this declaration was signed as, {@link #jws()} first: the receipt's log leaf is one of them. */
    public List<String> allJws() {
        List<String> all = new ArrayList<>(earlierJws.size() + 1);
        all.add(jws);
        all.addAll(earlierJws);
        return all;
    }
}
