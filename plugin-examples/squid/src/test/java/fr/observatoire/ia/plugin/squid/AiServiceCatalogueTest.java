package fr.observatoire.ia.plugin.squid;

import fr.observatoire.ia.model.Governance;
import fr.observatoire.ia.model.Hosting;
import fr.observatoire.ia.model.Purpose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AiServiceCatalogueTest {
    private final AiServiceCatalogue builtIn = AiServiceCatalogue.builtIn();

    @ParameterizedTest
    @CsvSource({
            "chatgpt.com, chatgpt", "openai.com, chatgpt", "api.openai.com, chatgpt", "files.oaiusercontent.com, chatgpt",
            "claude.ai, claude", "www.anthropic.com, claude",
            "gemini.google.com, gemini",
            "copilot.microsoft.com, copilot", "copilot.com, copilot",
            "mistral.ai, lechat", "chat.mistral.ai, lechat",
            "www.perplexity.ai, perplexity", "chat.deepseek.com, deepseek", "grok.com, grok", "x.ai, grok",
            "www.meta.ai, meta-ai", "www.deepl.com, deepl",
            "albert.numerique.gouv.fr, albert", "albert.api.etalab.gouv.fr, albert",
            "CHATGPT.COM, chatgpt", "chatgpt.com., chatgpt",
    })
    void theBuiltInCatalogueKnowsThePublicAiServices(String host, String id) {
        assertThat(builtIn.find(host)).extracting(AiService::id).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gemini.com", "www.gemini.com", "evil-chatgpt.com", "chatgpt.com.evil.example", "google.com",
            "www.google.com", "microsoft.com", "numerique.gouv.fr", "www.service-public.fr", "ai", "com", "", "notdeepl.com",
            "xx.ai", "etalab.gouv.fr"})
    void theBuiltInCatalogueDoesNotMatchLookalikesOrParents(String host) {
        assertThat(builtIn.find(host)).isNull();
        assertThat(builtIn.match(host)).isEmpty();
    }

    @Test
    void theBuiltInCatalogueIsVersionedAndSaysWhereItComesFrom() {
        assertThat(builtIn.version()).matches("\\d{4}\\.\\d{2}\\.\\d+");
        assertThat(String.join(" ", builtIn.sources())).contains("AdguardTeam/HostlistsRegistry").contains("category-ai-!cn");
        assertThat(builtIn.services()).extracting(AiService::id).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(11);
    }

    @Test
    void servicesCarryHostingAndPurpose() {
        assertThat(builtIn.service("albert")).get().extracting(AiService::hosting).isEqualTo(Hosting.EU_CLOUD);
        assertThat(builtIn.service("lechat")).get().extracting(AiService::hosting).isEqualTo(Hosting.EU_CLOUD);
        assertThat(builtIn.service("chatgpt")).get().extracting(AiService::hosting).isEqualTo(Hosting.NON_EU_CLOUD);
        assertThat(builtIn.service("deepl")).get().extracting(AiService::purpose).isEqualTo(Purpose.TRANSLATION);
        assertThat(builtIn.services()).allMatch(s -> s.governance() == Governance.SHADOW);
    }

    @Test
    void aLocalFileAddsOverridesAndRemovesServices(@TempDir Path dir) throws IOException {
        Path local = dir.resolve("my-ai-services.txt");
        Files.writeString(local, """
                # our additions
                @version 3
                albert   | Albert (notre instance) | DINUM | SECNUMCLOUD | DRAFTING | albert.numerique.gouv.fr | SANCTIONED
                notebook | NotebookLM | Google | NON_EU_CLOUD | SUMMARISING | notebooklm.google.com
                copilot-m365 | Copilot M365 | Microsoft | NON_EU_CLOUD | DRAFTING | copilot.cloud.microsoft | TOLERATED
                @remove grok
                """);

        AiServiceCatalogue catalogue = builtIn.extendedWith(local);

        assertThat(catalogue.version()).isEqualTo(builtIn.version() + "+local.3");
        assertThat(catalogue.sources()).last().isEqualTo(local.toString());
        AiService albert = catalogue.find("albert.numerique.gouv.fr");
        assertThat(albert.governance()).isEqualTo(Governance.SANCTIONED);
        assertThat(albert.hosting()).isEqualTo(Hosting.SECNUMCLOUD);
        // The replaced service lost the domain the local file did not repeat.
        assertThat(catalogue.find("albert.api.etalab.gouv.fr")).isNull();
        assertThat(catalogue.find("notebooklm.google.com")).extracting(AiService::id).isEqualTo("notebook");
        assertThat(catalogue.find("grok.com")).isNull();
        // A domain taken over by a local service leaves the built-in one, which keeps its other domains.
        assertThat(catalogue.find("copilot.cloud.microsoft")).extracting(AiService::id).isEqualTo("copilot-m365");
        assertThat(catalogue.find("copilot.microsoft.com")).extracting(AiService::id).isEqualTo("copilot");
        assertThat(catalogue.service("copilot").orElseThrow().domains()).doesNotContain("copilot.cloud.microsoft");
        // The built-in catalogue is untouched.
        assertThat(builtIn.find("grok.com")).isNotNull();
    }

    @Test
    void aMoreSpecificDomainOfAnotherServiceWins() throws IOException {
        AiServiceCatalogue catalogue = AiServiceCatalogue.parse(new StringReader("""
                google-ai | Google AI | Google | NON_EU_CLOUD | OTHER | google.com
                gemini    | Gemini    | Google | NON_EU_CLOUD | OTHER | gemini.google.com
                """), "test");
        assertThat(catalogue.find("gemini.google.com").id()).isEqualTo("gemini");
        assertThat(catalogue.find("x.gemini.google.com").id()).isEqualTo("gemini");
        assertThat(catalogue.find("mail.google.com").id()).isEqualTo("google-ai");
    }

    @Test
    void aCatalogueFileCanStandAlone(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("only.txt");
        Files.writeString(file, "@version 7\ninternal | Assistant interne | Ville | ON_PREMISE | DRAFTING | *.ia.ville.example\n");
        AiServiceCatalogue catalogue = AiServiceCatalogue.load(file);
        assertThat(catalogue.version()).isEqualTo("7");
        assertThat(catalogue.services()).hasSize(1);
        assertThat(catalogue.find("chat.ia.ville.example").id()).isEqualTo("internal");
        assertThat(catalogue.find("chatgpt.com")).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "a | A | P | NON_EU_CLOUD | OTHER; 1; expected 6 or 7 columns",
            "A B | A | P | NON_EU_CLOUD | OTHER | a.com; 1; service id",
            "a | A | P | MOON | OTHER | a.com; 1; hosting 'MOON'",
            "a | A | P | NON_EU_CLOUD | DREAMING | a.com; 1; purpose 'DREAMING'",
            "a | A | P | NON_EU_CLOUD | OTHER | com; 1; at least two labels",
            "a | A | P | NON_EU_CLOUD | OTHER | ; 1; no domain",
            "a | A | P | NON_EU_CLOUD | OTHER | a.com | BLESSED; 1; governance 'BLESSED'",
            "@color blue; 1; unknown directive",
    })
    void aBadLineIsRefusedWithItsLineNumber(String line, int lineNo, String message) {
        assertThatThrownBy(() -> AiServiceCatalogue.parse(new StringReader(line + "\n"), "bad.txt"))
                .isInstanceOf(SquidConfigException.class)
                .hasMessageStartingWith("bad.txt:" + lineNo + ": ")
                .hasMessageContaining(message);
    }

    @Test
    void duplicatesWithinAFileAreRefused() {
        assertThatThrownBy(() -> AiServiceCatalogue.parse(new StringReader("""
                a | A | P | NON_EU_CLOUD | OTHER | a.com
                b | B | P | NON_EU_CLOUD | OTHER | b.com a.com
                """), "dup.txt")).isInstanceOf(SquidConfigException.class).hasMessageContaining("dup.txt:2").hasMessageContaining("a.com");
        assertThatThrownBy(() -> AiServiceCatalogue.parse(new StringReader("""
                a | A | P | NON_EU_CLOUD | OTHER | a.com
                a | A | P | NON_EU_CLOUD | OTHER | b.com
                """), "dup.txt")).isInstanceOf(SquidConfigException.class).hasMessageContaining("already defined on line 1");
    }

    @Test
    void removingAnUnknownServiceIsATypoNotANoOp() {
        assertThatThrownBy(() -> builtIn.extendedWith(new StringReader("@remove chatgtp\n"), "local.txt"))
                .isInstanceOf(SquidConfigException.class).hasMessageContaining("chatgtp");
    }
}
