package fr.observatoire.ia.plugin.intranet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The AI features of a host, read from text such as:
 *
 * <pre>
 * # [METHOD] pattern            -> usage-id            SERVICE          ACTION
 * /assistant/redaction/*        -> redaction-courriers CIVIL_REGISTRY   DOCUMENT_DRAFTED
 * POST /api/chatbot/messages    -> chatbot-accueil     PUBLIC_RECEPTION CHATBOT_CONVERSATION
 * *.transcrire                  -> transcription-cm    COUNCIL_AFFAIRS  TRANSCRIPTION
 * </pre>
 *
 * <p>Entries are separated by new lines or {@code ;} (a {@code web.xml} init-param fits on one line), {@code #} starts
 * a comment. A request belongs to the most specific matching entry (see {@link UsageMapping#specificity()}), the
 * first written on a tie; so the order of the file does not silently change what is counted.
 */
public final class UsageMappings {
    private final List<UsageMapping> bySpecificity;

    private UsageMappings(List<UsageMapping> mappings) {
        List<UsageMapping> sorted = new ArrayList<>(mappings);
        // List.sort is stable: on a tie, the entry written first stays first.
        sorted.sort(Comparator.comparingInt(UsageMapping::specificity).reversed());
        this.bySpecificity = List.copyOf(sorted);
    }

    public static UsageMappings of(List<UsageMapping> mappings) {
        return new UsageMappings(mappings);
    }

    /**
     * Reads {@code text}; an entry that cannot be read is skipped and described to {@code onError} with its line
     * number, so that one typo does not switch the whole filter off.
     */
    public static UsageMappings parse(String text, Consumer<String> onError) {
        List<UsageMapping> mappings = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            for (String entry : lines[i].split(";")) {
                int hash = entry.indexOf('#');
                String content = (hash >= 0 ? entry.substring(0, hash) : entry).trim();
                if (content.isEmpty()) {
                    continue;
                }
                try {
                    mappings.add(UsageMapping.parse(content));
                } catch (IllegalArgumentException e) {
                    onError.accept("line " + (i + 1) + ", '" + content + "': " + e.getMessage());
                }
            }
        }
        return new UsageMappings(mappings);
    }

    /** Reads the file at {@code path} (UTF-8), as {@link #parse(String, Consumer)}. */
    public static UsageMappings read(Path path, Consumer<String> onError) throws IOException {
        return parse(Files.readString(path, StandardCharsets.UTF_8), onError);
    }

    /** The entries, most specific first. */
    public List<UsageMapping> mappings() {
        return bySpecificity;
    }

    public boolean isEmpty() {
        return bySpecificity.isEmpty();
    }

    /** The entry a request belongs to. */
    public Optional<UsageMapping> match(String method, String path) {
        int index = indexOf(method, path);
        return index < 0 ? Optional.empty() : Optional.of(bySpecificity.get(index));
    }

    /** The index in {@link #mappings()} of the entry a request belongs to, or -1; allocation-free, for the filter. */
    int indexOf(String method, String path) {
        for (int i = 0; i < bySpecificity.size(); i++) {
            if (bySpecificity.get(i).matches(method, path)) {
                return i;
            }
        }
        return -1;
    }
}
