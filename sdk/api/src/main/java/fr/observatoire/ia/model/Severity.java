package fr.observatoire.ia.model;

/** Severity of an incident; S3 is a serious incident in the sense of AI Act art. 3(49). */
public enum Severity implements Labelled {
    S0("S0 signalement", "S0 issue"),
    S1("S1 quasi-incident", "S1 near miss"),
    S2("S2 préjudice", "S2 harm"),
    S3("S3 incident grave (AI Act art. 3(49))", "S3 serious incident (AI Act art. 3(49))"),
    S4("S4 incident généralisé", "S4 widespread");

    private final String french;
    private final String english;

    Severity(String french, String english) {
        this.french = french;
        this.english = english;
    }

    @Override public String french() { return french; }
    @Override public String english() { return english; }
}
