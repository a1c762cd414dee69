package fr.observatoire.ia.plugin.intranet;

import fr.observatoire.ia.model.Labelled;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Enumeration;
import java.util.Locale;
import java.util.ResourceBundle;

/** The languages of the self-declaration form: French by default, English on request. */
enum FormLanguage {
    FRENCH(Locale.FRENCH),
    ENGLISH(Locale.ENGLISH);

    private static final String BUNDLE = "fr.observatoire.ia.plugin.intranet.SelfDeclarationMessages";

    private final Locale locale;
    private final ResourceBundle texts;

    FormLanguage(Locale locale) {
        this.locale = locale;
        // No fallback to the JVM's default locale: a server started in en_US must still answer French by default.
        this.texts = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /**
     * The language a request asks for: {@code ?lang=en} or {@code ?lang=fr}, else the first of French and English in
     * its Accept-Language, else French.
     */
    static FormLanguage of(HttpServletRequest request) {
        String asked = request.getParameter("lang");
        if (asked != null) {
            return "en".equalsIgnoreCase(asked.trim()) ? ENGLISH : FRENCH;
        }
        // Without the header, containers answer their own default locale, which says nothing about the agent.
        if (request.getHeader("Accept-Language") == null) {
            return FRENCH;
        }
        Enumeration<Locale> locales = request.getLocales();
        while (locales.hasMoreElements()) {
            String language = locales.nextElement().getLanguage();
            if ("fr".equals(language)) {
                return FRENCH;
            }
            if ("en".equals(language)) {
                return ENGLISH;
            }
        }
        return FRENCH;
    }

    String code() {
        return locale.getLanguage();
    }

    /** The text under {@code key}, with {@code {0}}, {@code {1}}… replaced by {@code args}. */
    String text(String key, Object... args) {
        String text = texts.getString(key);
        for (int i = 0; i < args.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return text;
    }

    String label(Labelled value) {
        return value.label(locale);
    }
}
