package fr.observatoire.ia.server.enrolment;

/** Where a key is in its life: what decides whether it may sign (read without decoding the key itself). */
public record KeyLifecycle(String kid, KeyState state, EnrolledKey.Retirement retirement, EnrolledKey.Revocation revocation) {
}
