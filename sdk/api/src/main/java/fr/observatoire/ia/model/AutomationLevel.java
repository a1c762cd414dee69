package fr.observatoire.ia.model;

/** Level of automation and human oversight; maps onto the CSET autonomy levels (3, 3, 2, 1). */
public enum AutomationLevel implements Labelled {
    AI_INFORMS("L'IA informe, un agent décide", "AI informs, a person decides"),
    HUMAN_VALIDATES_EACH_OUTPUT("Chaque production est validée par un agent", "A person validates every output"),
    HUMAN_CAN_OVERRIDE("Un agent peut corriger a posteriori", "A person can override afterwards"),
    FULLY_AUTOMATED("Entièrement automatisé", "Fully automated");

    private final String french;
    private final String english;

    AutomationLevel(String french, String english) {
        this.french = french;
        this.english = english;
    }

    @Override public String french() { return french; }
    @Override public String english() { return english; }
}
