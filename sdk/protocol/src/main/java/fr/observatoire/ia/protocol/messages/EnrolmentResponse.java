package fr.observatoire.ia.protocol.messages;

import java.time.Instant;

/**
 * The observatory's answer to an accepted enrolment.
 *
 * @param logKey the C2SP verifier key of the observatory's transparency log
 *               ({@code <origin>+<key id>+<base64 key>}), with which receipts are checked; a collectivité
 *               should compare it with the one the observatory publishes out of band (see docs/operations.md)
 */
public record EnrolmentResponse(String siren, String kid, Instant enrolledAt, String declarationsUrl, String logKey) {

    public EnrolmentResponse(String siren, String kid, Instant enrolledAt, String declarationsUrl) {
        this(siren, kid, enrolledAt, declarationsUrl, null);
    }
}
