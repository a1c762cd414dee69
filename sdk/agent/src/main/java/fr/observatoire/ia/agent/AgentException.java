package fr.observatoire.ia.agent;

/** Ends a command with a message for the person at the terminal and an {@link ExitCode}. */
final class AgentException extends RuntimeException {
    private final int exitCode;

    AgentException(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
