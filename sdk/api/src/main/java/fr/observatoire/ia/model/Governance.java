package fr.observatoire.ia.model;

/** Whether the collectivité sanctioned a usage. */
public enum Governance implements Labelled {
    SANCTIONED("Encadré", "Sanctioned"),
    TOLERATED("Toléré", "Tolerated"),
    SHADOW("Non déclaré (shadow AI)", "Shadow");

    private final String french;
    private final String english;

    Governance(String french, String english) {
        this.french = french;
        this.english = english;
    }

    @Override public String french() { return french; }
    @Override public String english() { return english; }
}
