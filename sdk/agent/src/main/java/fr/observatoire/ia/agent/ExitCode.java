package fr.observatoire.ia.agent;

/**
 * The agent's exit statuses, stable for scripts and systemd ({@code docs/agent.md} lists them).
 */
public final class ExitCode {
    /** Done. */
    public static final int OK = 0;
    /**
     * Something did not work and may work later: the observatory unreachable (a key rotation is then finished by the
     * SDK later), a plugin failing, the store; also a revocation declined at the terminal.
     */
    public static final int FAILURE = 1;
    /** A wrong command line or configuration: nothing will work until a person fixes it. */
    public static final int USAGE = 2;
    /** The observatory refused: an enrolment code, a declaration (quarantined), a key rotation or revocation, the signing key. */
    public static final int REFUSED = 3;
    /** The collectivité is not enrolled, or its key was revoked: run {@code enrol <code>} (with a new code after a revocation). */
    public static final int NOT_ENROLLED = 4;
    /** A check failed: the signing key does not match the enrolment, or the observatory's log is inconsistent. */
    public static final int VERIFICATION_FAILED = 5;

    private ExitCode() {
    }
}
