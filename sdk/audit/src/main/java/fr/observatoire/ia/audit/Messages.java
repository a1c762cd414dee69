package fr.observatoire.ia.audit;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The tool's sentences, French by default (its first readers are French collectivités and their auditors),
 * English with {@code --lang en} or a {@code LANG} starting with {@code en}.
 */
final class Messages {
    private final ResourceBundle bundle;
    private final Locale locale;

    private Messages(Locale locale) {
        this.locale = locale;
        // No fallback to the JVM's default locale: the choice is ours, French unless English was asked for.
        this.bundle = ResourceBundle.getBundle("fr.observatoire.ia.audit.messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** @param lang {@code --lang} if given, else null; {@code envLang} the {@code LANG} variable, or null */
    static Messages choose(String lang, String envLang) {
        String chosen = lang != null ? lang : envLang;
        boolean english = chosen != null && chosen.toLowerCase(Locale.ROOT).startsWith("en");
        return new Messages(english ? Locale.ENGLISH : Locale.ROOT);
    }

    /** Every sentence goes through MessageFormat, so a literal apostrophe is written '' (French uses ’ instead). */
    String get(String key, Object... arguments) {
        return new MessageFormat(bundle.getString(key), locale).format(arguments);
    }
}
