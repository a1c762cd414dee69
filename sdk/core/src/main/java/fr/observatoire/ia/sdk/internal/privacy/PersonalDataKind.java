package fr.observatoire.ia.sdk.internal.privacy;

import fr.observatoire.ia.model.Labelled;

/** The kinds of personal data the guard recognises by their shape. Names are not among them: no pattern finds a name. */
public enum PersonalDataKind implements Labelled {
    EMAIL("adresse e-mail", "e-mail address"),
    IPV4("adresse IPv4", "IPv4 address"),
    IPV6("adresse IPv6", "IPv6 address"),
    PHONE_FR("numéro de téléphone français", "French phone number"),
    NIR("numéro de sécurité sociale (NIR)", "social security number (NIR)"),
    IBAN("IBAN", "IBAN");

    private final String french;
    private final String english;

    PersonalDataKind(String french, String english) {
        this.french = french;
        this.english = english;
    }

    @Override public String french() { return french; }
    @Override public String english() { return english; }
}
