package fr.observatoire.ia.sdk;

/**
 * The observatory presented two versions of its transparency log that cannot both be true: a checkpoint that
 * no consistency proof links to one the SDK verified earlier (or two different roots for the same size). This is
 * what a transparency log exists to reveal: the observatory rewrote or forked its history, or is showing
 * different logs to different collectivités. The SDK keeps the last good checkpoint and the evidence (both
 * signed checkpoints and the failed proof) in its store; {@link SdkStatus#logAlarm()} shows it until a person
 * deals with it.
 */
public class LogInconsistencyException extends LogVerificationException {
    private final String trustedCheckpoint;
    private final String presentedCheckpoint;

    public LogInconsistencyException(String message, String trustedCheckpoint, String presentedCheckpoint) {
        super(message, null);
        this.trustedCheckpoint = trustedCheckpoint;
        this.presentedCheckpoint = presentedCheckpoint;
    }

    /** The last signed checkpoint the SDK verified as consistent with everything before it. */
    public String trustedCheckpoint() {
        return trustedCheckpoint;
    }

    /** The signed checkpoint that contradicts it, or null when the alarm was raised earlier and is only recalled. */
    public String presentedCheckpoint() {
        return presentedCheckpoint;
    }
}
