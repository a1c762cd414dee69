package fr.observatoire.ia.model;

/** Why something recorded did not make it into a declaration. */
public enum LossReason implements Labelled {
    CARDINALITY_OVERFLOW("Trop de séries, regroupées en débordement", "Too many series, folded into overflow"),
    QUEUE_OVERFLOW("File pleine", "Queue full"),
    QUARANTINED_DECLARATION("Déclaration refusée et mise en quarantaine", "Declaration refused and quarantined"),
    SOURCE_FAILURE("Source en échec", "Source failed"),
    MALFORMED_INPUT("Entrée illisible", "Malformed input"),
    PRIVACY_FILTERED("Écarté par le filtre de confidentialité", "Dropped by the privacy filter"),
    CHECKPOINT_LOST("Compteurs perdus entre deux points de sauvegarde", "Counts lost between two checkpoints");

    private final String french;
    private final String english;

    LossReason(String french, String english) {
        this.french = french;
        this.english = english;
    }

    @Override public String french() { return french; }
    @Override public String english() { return english; }
}
