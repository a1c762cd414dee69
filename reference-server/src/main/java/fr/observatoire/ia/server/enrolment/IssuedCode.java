package fr.observatoire.ia.server.enrolment;

import java.time.Instant;

/** A fresh enrolment code, in clear: shown once to the admin, never stored. */
public record IssuedCode(String siren, String enrolmentCode, Instant expiresAt) {
}
