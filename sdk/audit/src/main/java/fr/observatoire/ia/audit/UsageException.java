package fr.observatoire.ia.audit;

/** The auditor's input cannot be used (a missing file, an unreadable key): exit code 2, nothing was checked. */
final class UsageException extends Exception {
    UsageException(String message) {
        super(message);
    }
}
