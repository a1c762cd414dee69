package fr.observatoire.ia.agent;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The agent's words, in French by default (its users are French civil servants) and in English with
 * {@code --lang en} or an English {@code LANG}. Bundles are UTF-8 properties ({@code messages.properties},
 * {@code messages_en.properties}).
 */
final class Messages {
    private final Locale locale;
    private final ResourceBundle bundle;

    private Messages(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle("fr.observatoire.ia.agent.messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** {@code lang} (from --lang) wins; otherwise LANG=en* means English; anything else French. */
    static Messages choose(String lang, Map<String, String> environment) {
        String wanted = lang != null ? lang : environment.getOrDefault("LANG", "");
        return new Messages(wanted.toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : Locale.FRENCH);
    }

    Locale locale() {
        return locale;
    }

    boolean english() {
        return locale.getLanguage().equals("en");
    }

    String get(String key, Object... arguments) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key; // a missing translation shows its key rather than failing the command
        }
        // Always through MessageFormat, so every message follows one quoting rule; the texts use ’, never '.
        return new MessageFormat(pattern, locale).format(arguments);
    }
}
