package fr.observatoire.ia.model;

import java.util.Locale;

/**
 * A closed value with a label in French (what a civil servant reads) and in English.
 * The JSON value of every enum of the model is its constant name; labels are for people only.
 */
public interface Labelled {
    String french();

    String english();

    default String label(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? english() : french();
    }
}
