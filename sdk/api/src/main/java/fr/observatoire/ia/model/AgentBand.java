package fr.observatoire.ia.model;

/** Number of distinct active agents, as a band: exact small numbers identify people. */
public enum AgentBand implements Labelled {
    FEWER_THAN_3("<3", "<3"),
    FROM_3_TO_10("3 à 10", "3 to 10"),
    FROM_11_TO_49("11 à 49", "11 to 49"),
    FROM_50_TO_249("50 à 249", "50 to 249"),
    AT_LEAST_250("250 et plus", "250 or more");

    private final String french;
    private final String english;

    AgentBand(String french, String english) {
        this.french = french;
        this.english = english;
    }

    @Override public String french() { return french; }
    @Override public String english() { return english; }
}
