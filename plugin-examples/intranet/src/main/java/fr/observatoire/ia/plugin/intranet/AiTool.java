package fr.observatoire.ia.plugin.intranet;

import fr.observatoire.ia.model.Hosting;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An AI tool an agent can pick in the self-declaration form.
 *
 * @param slug     the usage id the declarations count under; the built-in ones are those of the Squid plugin's
 *                 catalogue, so that what agents declare and what the proxy sees fall in the same usage
 * @param name     the name shown to agents and written in the inventory
 * @param provider its provider, or null when unknown
 * @param hosting  where it runs
 */
public record AiTool(String slug, String name, String provider, Hosting hosting) {
    /** The slug of "another tool": whatever an agent types in the free-text field is reduced to it. */
    public static final String OTHER_SLUG = "other";

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    /** The tools the form offers unless the host gives its own list; "another tool" comes last. */
    public static final List<AiTool> BUILT_IN = List.of(
            new AiTool("chatgpt", "ChatGPT", "OpenAI", Hosting.NON_EU_CLOUD),
            new AiTool("lechat", "Le Chat", "Mistral AI", Hosting.EU_CLOUD),
            new AiTool("copilot", "Microsoft Copilot", "Microsoft", Hosting.NON_EU_CLOUD),
            new AiTool("gemini", "Gemini", "Google", Hosting.NON_EU_CLOUD),
            new AiTool("claude", "Claude", "Anthropic", Hosting.NON_EU_CLOUD),
            new AiTool("deepl", "DeepL", "DeepL SE", Hosting.EU_CLOUD),
            new AiTool("albert", "Albert", "DINUM", Hosting.EU_CLOUD),
            other());

    public AiTool {
        if (slug == null || !SLUG.matcher(slug).matches()) {
            throw new IllegalArgumentException("a tool slug must be a usage id (lower-case letters, digits, '.', '_', '-'), was '" + slug + "'");
        }
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new IllegalArgumentException("a tool name must be 1 to 100 characters, was '" + name + "'");
        }
        if (provider != null && provider.length() > 100) {
            throw new IllegalArgumentException("a tool provider must be at most 100 characters");
        }
        Objects.requireNonNull(hosting, "hosting");
    }

    /** "Another tool": its name in the inventory is French, as every text of a declaration. */
    public static AiTool other() {
        return new AiTool(OTHER_SLUG, "Autre outil d'IA (non listé)", null, Hosting.UNKNOWN);
    }

    public boolean isOther() {
        return OTHER_SLUG.equals(slug);
    }
}
