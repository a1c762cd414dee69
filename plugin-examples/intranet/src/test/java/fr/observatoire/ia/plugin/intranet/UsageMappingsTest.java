package fr.observatoire.ia.plugin.intranet;

import fr.observatoire.ia.model.ActionKind;
import fr.observatoire.ia.model.Service;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UsageMappingsTest {

    private static UsageMappings parse(String text) {
        return UsageMappings.parse(text, error -> {
            throw new AssertionError(error);
        });
    }

    private static String usageOf(UsageMappings mappings, String method, String path) {
        return mappings.match(method, path).map(UsageMapping::usageId).orElse(null);
    }

    @Test
    void reads_the_file_format_with_comments_and_semicolons() {
        UsageMappings mappings = parse("""
                # comment
                /assistant/redaction/* -> redaction-courriers CIVIL_REGISTRY DOCUMENT_DRAFTED   # trailing comment
                post /api/chatbot -> chatbot PUBLIC_RECEPTION CHATBOT_CONVERSATION; *.pdf -> classement FINANCE DOCUMENT_CLASSIFIED
                """);
        assertThat(mappings.mappings()).hasSize(3);
        assertThat(mappings.mappings()).contains(
                new UsageMapping("POST", "/api/chatbot", "chatbot", Service.PUBLIC_RECEPTION, ActionKind.CHATBOT_CONVERSATION),
                new UsageMapping(null, "*.pdf", "classement", Service.FINANCE, ActionKind.DOCUMENT_CLASSIFIED));
        assertThat(mappings.mappings().get(0).toString()).isEqualTo("POST /api/chatbot -> chatbot PUBLIC_RECEPTION CHATBOT_CONVERSATION");
    }

    @Test
    void matches_like_servlet_url_patterns() {
        UsageMappings mappings = parse("/a/* -> prefix OTHER PROMPT; /a/b -> exact OTHER PROMPT; *.pdf -> ext OTHER PROMPT; /* -> all OTHER PROMPT");
        assertThat(usageOf(mappings, "GET", "/a/b")).isEqualTo("exact");
        assertThat(usageOf(mappings, "GET", "/a/b/c")).isEqualTo("prefix");
        assertThat(usageOf(mappings, "GET", "/a")).isEqualTo("prefix");
        assertThat(usageOf(mappings, "GET", "/a/x.pdf")).as("a prefix beats an extension").isEqualTo("prefix");
        assertThat(usageOf(mappings, "GET", "/b/x.pdf")).isEqualTo("all");
        assertThat(usageOf(mappings, "GET", "/ab")).as("a prefix ends at a segment boundary").isEqualTo("all");
    }

    @Test
    void an_extension_must_end_the_last_segment() {
        UsageMappings mappings = parse("*.pdf -> ext OTHER PROMPT");
        assertThat(usageOf(mappings, "GET", "/doc.pdf")).isEqualTo("ext");
        assertThat(usageOf(mappings, "GET", "/doc.pdf/x")).isNull();
        assertThat(usageOf(mappings, "GET", "/docpdf")).isNull();
        assertThat(usageOf(mappings, "GET", ".pdf")).isNull();
    }

    @Test
    void the_most_specific_entry_wins_whatever_the_order_and_a_method_restriction_is_more_specific() {
        UsageMappings mappings = parse("/api/* -> general OTHER PROMPT; /api/chat/* -> chat OTHER PROMPT; POST /api/chat/* -> chat-post OTHER PROMPT");
        assertThat(usageOf(mappings, "GET", "/api/chat/1")).isEqualTo("chat");
        assertThat(usageOf(mappings, "POST", "/api/chat/1")).isEqualTo("chat-post");
        assertThat(usageOf(mappings, "GET", "/api/other")).isEqualTo("general");
    }

    @Test
    void on_a_tie_the_entry_written_first_wins() {
        UsageMappings mappings = parse("/x/* -> first OTHER PROMPT; /x/* -> second OTHER PROMPT");
        assertThat(usageOf(mappings, "GET", "/x/1")).isEqualTo("first");
    }

    @Test
    void skips_bad_entries_and_says_which_line_and_why() {
        List<String> errors = new ArrayList<>();
        UsageMappings mappings = UsageMappings.parse("""
                /ok/* -> ok OTHER PROMPT
                /bad/* -> Bad-Id OTHER PROMPT
                /bad/* -> bad NOT_A_SERVICE PROMPT
                /bad/*/x -> bad OTHER PROMPT
                no arrow here
                GET POST /x -> bad OTHER PROMPT
                """, errors::add);
        assertThat(mappings.mappings()).extracting(UsageMapping::usageId).containsExactly("ok");
        assertThat(errors).hasSize(5);
        assertThat(errors.get(0)).startsWith("line 2").contains("usage id");
        assertThat(errors.get(1)).startsWith("line 3").contains("NOT_A_SERVICE", "CIVIL_REGISTRY");
        assertThat(errors.get(2)).startsWith("line 4").contains("/prefix/*");
        assertThat(errors.get(3)).startsWith("line 5");
    }

    @Test
    void refuses_invalid_mappings_at_construction() {
        assertThatThrownBy(() -> new UsageMapping("get", "/x", "x", Service.OTHER, ActionKind.PROMPT))
                .hasMessageContaining("method");
        assertThatThrownBy(() -> new UsageMapping(null, "x/*", "x", Service.OTHER, ActionKind.PROMPT))
                .hasMessageContaining("pattern");
        assertThatThrownBy(() -> new UsageMapping(null, "/x", "x".repeat(65), Service.OTHER, ActionKind.PROMPT))
                .hasMessageContaining("64");
    }
}
