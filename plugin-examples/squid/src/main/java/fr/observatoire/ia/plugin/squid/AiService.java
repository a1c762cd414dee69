package fr.observatoire.ia.plugin.squid;

import fr.observatoire.ia.model.Governance;
import fr.observatoire.ia.model.Hosting;
import fr.observatoire.ia.model.Purpose;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A public AI service of the catalogue.
 *
 * @param id         lower-case slug, also the usage id under which its activity is declared (e.g. {@code chatgpt})
 * @param name       display name, e.g. "Le Chat"
 * @param provider   who runs it, e.g. "Mistral AI"
 * @param hosting    where it runs
 * @param purpose    the purpose declared for it when nothing more precise is known (DeepL: translation)
 * @param governance how the collectivité governs it: shadow unless its own catalogue file says otherwise
 * @param domains    lower-case domains; a host matches a domain when it equals it or ends with "." + it
 */
public record AiService(String id, String name, String provider, Hosting hosting, Purpose purpose,
                        Governance governance, List<String> domains) {
    /** The rule of {@code AiUsage.id}, so that every service id is a valid usage id. */
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    /** LDH labels (and '_', seen in real DNS names), at least one dot: a bare TLD would match half the web. */
    private static final Pattern DOMAIN = Pattern.compile("(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\\.)+[a-z0-9-]{1,63}");

    public AiService {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("service id must be 1 to 64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit, was '" + id + "'");
        }
        requireText(name, "name");
        requireText(provider, "provider");
        if (hosting == null || purpose == null || governance == null) {
            throw new IllegalArgumentException("service '" + id + "': hosting, purpose and governance are required");
        }
        if (domains == null || domains.isEmpty()) {
            throw new IllegalArgumentException("service '" + id + "' has no domain");
        }
        domains = domains.stream().map(AiService::normaliseDomain).distinct().toList();
    }

    /** Lower-cases a domain and checks it; a leading "*." or "." is accepted and dropped (suffix matching is implied). */
    public static String normaliseDomain(String domain) {
        if (domain == null) {
            throw new IllegalArgumentException("domain is null");
        }
        String d = domain.trim().toLowerCase(Locale.ROOT);
        if (d.startsWith("*.")) {
            d = d.substring(2);
        } else if (d.startsWith(".")) {
            d = d.substring(1);
        }
        if (d.endsWith(".")) {
            d = d.substring(0, d.length() - 1);
        }
        if (d.length() > 253 || !DOMAIN.matcher(d).matches()) {
            throw new IllegalArgumentException("'" + domain + "' is not a domain name with at least two labels");
        }
        return d;
    }

    private void requireText(String value, String field) {
        if (value == null || value.isBlank() || value.length() > 100) {
            throw new IllegalArgumentException("service '" + id + "': " + field + " must be 1 to 100 characters");
        }
    }
}
