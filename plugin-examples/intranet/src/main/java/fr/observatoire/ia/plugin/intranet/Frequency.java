package fr.observatoire.ia.plugin.intranet;

import fr.observatoire.ia.model.Labelled;

/** How often an agent says they use an AI tool, in the self-declaration form. */
public enum Frequency implements Labelled {
    DAILY("Tous les jours ou presque", "Every day or nearly"),
    WEEKLY("Chaque semaine", "Every week"),
    MONTHLY("Chaque mois", "Every month"),
    RARELY("Rarement, je l'ai essayé", "Rarely, I tried it");

    private final String french;
    private final String english;

    Frequency(String french, String english) {
        this.french = french;
        this.english = english;
    }

    @Override public String french() { return french; }
    @Override public String english() { return english; }
}
