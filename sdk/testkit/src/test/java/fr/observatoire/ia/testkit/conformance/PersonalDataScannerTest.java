package fr.observatoire.ia.testkit.conformance;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonalDataScannerTest {
    private final PersonalDataScanner scanner = PersonalDataScanner.of(Set.of("Jeanne Martin", " "));

    @Test
    void findsTheFixturesStringsIgnoringCaseAndThePatternsOfPersonalData() {
        assertThat(scanner.findings("ticket of JEANNE MARTIN")).containsExactly("the fixture's personal data 'Jeanne Martin'");
        assertThat(scanner.findings("from paul.durand@mairie-exemple.fr")).containsExactly("an e-mail address 'paul.durand@mairie-exemple.fr'");
        assertThat(scanner.findings("client 10.1.2.3 and 2001:db8::1 and fe80::1:2")).containsExactly(
                "an IPv4 address '10.1.2.3'", "an IPv6 address '2001:db8::1'", "an IPv6 address 'fe80::1:2'");
        assertThat(scanner.findings("tél. 04 93 12 34 56, +33 6 12 34 56 78, 0612345678")).hasSize(3)
                .allSatisfy(finding -> assertThat(finding).startsWith("a phone number"));
    }

    @Test
    void leavesAloneWhatPluginsLegitimatelyCarry() {
        for (String clean : List.of("{\"v\":1,\"createdAt\":\"2024-06-10T06:13:20Z\",\"ids\":[\"a\",\"b\"]}", "offset=1718000000123;inode=4211",
                "ActivityKey[usageId=chatgpt, service=TRANSVERSAL, action=WEB_ACCESS]=12", "version 2026.11.1 of Table::add at 10:15:30",
                "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "cursor 2024-06-10")) {
            assertThat(scanner.findings(clean)).as(clean).isEmpty();
        }
    }

    @Test
    void seesThroughUrlAndBase64Encoding() {
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString("last=jeanne.martin@mairie.fr".getBytes(StandardCharsets.UTF_8));

        assertThat(scanner.findings("cursor " + encoded)).contains("an e-mail address 'jeanne.martin@mairie.fr'");
        assertThat(scanner.findings("user=Jeanne%20Martin")).contains("the fixture's personal data 'Jeanne Martin'");
    }

    @Test
    void toleratesTheConfiguredSourcesAddress() {
        PersonalDataScanner tolerant = scanner.tolerating(Set.of("127.0.0.1:8089"));

        assertThat(tolerant.findings("http://127.0.0.1:8089/export answered HTTP 500")).isEmpty();
        assertThat(tolerant.findings("client 127.0.0.2")).isNotEmpty();
        assertThatThrownBy(() -> scanner.assertClean("the cursor", "jeanne martin")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("the cursor contains personal data");
    }
}
