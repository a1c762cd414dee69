package fr.observatoire.ia.protocol.messages;

import java.time.Instant;

/** The observatory's answer to an accepted enrolment. */
public record EnrolmentResponse(String siren, String kid, Instant enrolledAt, String declarationsUrl) {
}
