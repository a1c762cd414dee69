package fr.observatoire.ia.plugin.squid;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Suffix matching, checked against the obvious (slow) definition on hosts built to collide with the domains. */
class CatalogueMatchingPropertyTest {

    /** A small alphabet of labels, so that generated hosts often equal, extend or resemble generated domains. */
    private static final List<String> LABELS = List.of("a", "b", "ai", "chat", "gpt", "chatgpt", "evil-chatgpt", "com", "fr", "x");

    @Property(tries = 500)
    void findReturnsTheServiceOfTheLongestDomainThatTheHostEqualsOrEndsWithDotDomain(
            @ForAll("domainSets") List<String> domains, @ForAll("hosts") String host) throws IOException {
        AiServiceCatalogue catalogue = catalogueOf(domains);

        String expected = null;
        for (String domain : domains) {
            if ((host.equals(domain) || host.endsWith("." + domain)) && (expected == null || domain.length() > expected.length())) {
                expected = domain;
            }
        }

        AiService found = catalogue.find(host);
        if (expected == null) {
            assertThat(found).as("host %s, domains %s", host, domains).isNull();
        } else {
            assertThat(found).as("host %s, domains %s", host, domains).isNotNull();
            assertThat(found.id()).isEqualTo(idOf(domains.indexOf(expected)));
        }
    }

    @Property
    void anySubdomainOfACatalogueDomainMatchesIt(@ForAll("domains") String domain, @ForAll("hosts") String prefix) throws IOException {
        AiServiceCatalogue catalogue = catalogueOf(List.of(domain));
        assertThat(catalogue.find(prefix + "." + domain)).isNotNull();
        assertThat(catalogue.find(domain)).isNotNull();
    }

    @Property
    void gluingTextToTheFrontOfADomainWithoutADotDoesNotMatch(@ForAll("domains") String domain, @ForAll("glue") String glue) throws IOException {
        AiServiceCatalogue catalogue = catalogueOf(List.of(domain));
        // "evil-" + "chatgpt.com": same last labels, but not the domain nor a subdomain of it.
        assertThat(catalogue.find(glue + domain)).isNull();
    }

    @Property
    void caseAndATrailingDotDoNotMatter(@ForAll("domainSets") List<String> domains, @ForAll("hosts") String host) throws IOException {
        AiServiceCatalogue catalogue = catalogueOf(domains);
        AiService lower = catalogue.find(host);
        assertThat(catalogue.find(host.toUpperCase(Locale.ROOT))).isEqualTo(lower);
        assertThat(catalogue.find(host + ".")).isEqualTo(lower);
    }

    @Provide
    Arbitrary<String> domains() {
        // at least two labels, as the catalogue requires
        return Arbitraries.of(LABELS).list().ofMinSize(2).ofMaxSize(4).map(l -> String.join(".", l));
    }

    @Provide
    Arbitrary<List<String>> domainSets() {
        return domains().list().ofMinSize(1).ofMaxSize(6).uniqueElements();
    }

    @Provide
    Arbitrary<String> hosts() {
        return Arbitraries.of(LABELS).list().ofMinSize(1).ofMaxSize(6).map(l -> String.join(".", l));
    }

    @Provide
    Arbitrary<String> glue() {
        return Arbitraries.strings().withChars("abcxyz0-").ofMinLength(1).ofMaxLength(6);
    }

    private static AiServiceCatalogue catalogueOf(List<String> domains) throws IOException {
        StringBuilder file = new StringBuilder("@version test\n");
        Set<String> unique = new LinkedHashSet<>(domains);
        List<String> ordered = new ArrayList<>(unique);
        for (int i = 0; i < ordered.size(); i++) {
            file.append(idOf(i)).append(" | S").append(i).append(" | P | NON_EU_CLOUD | OTHER | ").append(ordered.get(i)).append('\n');
        }
        return AiServiceCatalogue.parse(new StringReader(file.toString()), "generated");
    }

    private static String idOf(int index) {
        return "s" + index;
    }
}
