package fr.observatoire.ia.testkit;

import fr.observatoire.ia.protocol.messages.ProblemType;

/** The refusal of a key that may not sign new messages, with what the collectivité should do (as the reference server). */
final class KeyStates {
    private KeyStates() {
    }

    static void requireActive(Registry.Key key) {
        switch (key.state()) {
            case ACTIVE -> {
            }
            case RETIRED -> throw new Refusal(ProblemType.KEY_RETIRED, "the key " + key.kid() + " was retired on " + key.changedAt()
                    + " for the key " + key.replacedBy() + "; sign with the collectivité's current key");
            case REVOKED -> throw new Refusal(ProblemType.KEY_REVOKED, "the key " + key.kid() + " was revoked"
                    + (key.changedAt() == null ? "" : " on " + key.changedAt())
                    + "; sign with the collectivité's current key, or ask the observatory for a new enrolment code");
        }
    }
}
