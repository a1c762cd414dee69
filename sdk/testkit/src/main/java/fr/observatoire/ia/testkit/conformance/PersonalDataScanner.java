package fr.observatoire.ia.testkit.conformance;

import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds personal data in text that is about to leave a plugin: the strings a test's fixtures contain (names,
 * e-mails, ticket texts), and anything shaped like an e-mail address, an IP address or a French phone number.
 * Text is also searched URL-decoded and with its base64 tokens decoded, so that a cursor cannot smuggle a user name
 * by encoding it.
 */
public final class PersonalDataScanner {
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    private static final Pattern IPV4 = Pattern.compile(
            "(?<![\\d.])(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(?![\\d.])");
    /** Full or compressed, with a group before "::" so that "Class::method" or a time of day does not match. */
    private static final Pattern IPV6 = Pattern.compile(
            "(?i)(?<![0-9a-z:.])(?:(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}|(?:[0-9a-f]{1,4}:)+:(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4})*)?)(?![0-9a-z:])");
    private static final Pattern PHONE = Pattern.compile("(?<![\\d+])(?:\\+33[\\s.-]?|0033[\\s.-]?|0)[1-9](?:[\\s.-]?\\d{2}){4}(?!\\d)");
    private static final Pattern BASE64_TOKEN = Pattern.compile("[A-Za-z0-9+/_-]{12,}={0,2}");

    private final Set<String> forbidden;
    private final Set<String> tolerated;
    private final boolean patterns;

    private PersonalDataScanner(Set<String> forbidden, Set<String> tolerated, boolean patterns) {
        this.forbidden = forbidden;
        this.tolerated = tolerated;
        this.patterns = patterns;
    }

    /** A scanner for these strings (compared ignoring case; blank ones are ignored) and the patterns. */
    public static PersonalDataScanner of(Collection<String> forbidden) {
        Set<String> strings = new LinkedHashSet<>();
        for (String s : forbidden) {
            if (s != null && !s.isBlank()) {
                strings.add(s.strip());
            }
        }
        return new PersonalDataScanner(Set.copyOf(strings), Set.of(), true);
    }

    /**
     * The same scanner, tolerating these substrings where a pattern would match: the address of the source the
     * plugin was configured with (an error message naming {@code 127.0.0.1:8080} is actionable, not personal).
     */
    public PersonalDataScanner tolerating(Collection<String> substrings) {
        Set<String> all = new LinkedHashSet<>(tolerated);
        substrings.stream().filter(s -> s != null && !s.isBlank()).forEach(all::add);
        return new PersonalDataScanner(forbidden, Set.copyOf(all), patterns);
    }

    /**
     * The same scanner without the patterns, for text that may rightly quote the collectivité's own configuration
     * (a subnet, the observatory's contact address) but never the source's data nor a secret.
     */
    public PersonalDataScanner stringsOnly() {
        return new PersonalDataScanner(forbidden, tolerated, false);
    }

    /** What was found, one readable line each; empty when the text is clean. */
    public List<String> findings(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        Set<String> found = new LinkedHashSet<>();
        for (String form : forms(text)) {
            scan(form, found);
        }
        return List.copyOf(found);
    }

    /** Fails with every finding, saying where ({@code what}) they were. */
    public void assertClean(String what, String text) {
        List<String> findings = findings(text);
        if (!findings.isEmpty()) {
            throw new AssertionError(what + " contains personal data: " + String.join(", ", findings) + "\n--- in:\n" + text);
        }
    }

    private void scan(String text, Set<String> found) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String s : forbidden) {
            if (lower.contains(s.toLowerCase(Locale.ROOT))) {
                found.add("the fixture's personal data '" + s + "'");
            }
        }
        if (!patterns) {
            return;
        }
        String withoutTolerated = text;
        for (String t : tolerated) {
            withoutTolerated = withoutTolerated.replace(t, " ");
        }
        match(EMAIL, "an e-mail address", withoutTolerated, found);
        match(IPV4, "an IPv4 address", withoutTolerated, found);
        match(IPV6, "an IPv6 address", withoutTolerated, found);
        match(PHONE, "a phone number", withoutTolerated, found);
    }

    private static void match(Pattern pattern, String what, String text, Set<String> found) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(what + " '" + matcher.group() + "'");
        }
    }

    /** The text, URL-decoded, and its base64 tokens decoded where they decode to UTF-8 text. */
    private static List<String> forms(String text) {
        List<String> forms = new ArrayList<>();
        forms.add(text);
        try {
            String decoded = URLDecoder.decode(text, StandardCharsets.UTF_8);
            if (!decoded.equals(text)) {
                forms.add(decoded);
            }
        } catch (IllegalArgumentException e) {
            // not URL-encoded
        }
        Matcher token = BASE64_TOKEN.matcher(text);
        while (token.find()) {
            decodeBase64(token.group()).ifPresent(forms::add);
        }
        return forms;
    }

    private static Optional<String> decodeBase64(String token) {
        String standard = token.replace('-', '+').replace('_', '/').replace("=", "");
        if (standard.length() % 4 == 1) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(standard + "==".substring(0, (4 - standard.length() % 4) % 4));
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return text.chars().allMatch(c -> c >= ' ' || c == '\n' || c == '\t') ? Optional.of(text) : Optional.empty();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
