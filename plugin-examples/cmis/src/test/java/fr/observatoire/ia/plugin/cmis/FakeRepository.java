package fr.observatoire.ia.plugin.cmis;

import fr.observatoire.ia.spi.PluginException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A repository that applies the window, folder and ordering of the plugin's CMIS QL to documents held in memory,
 * as a real one would: results ordered by creation date, documents sharing a millisecond in an order that may
 * change from one request to the next. Used directly as a {@link DocumentSource} and behind WireMock.
 */
final class FakeRepository implements DocumentSource, FolderLookup {
    private static final Pattern FROM = Pattern.compile("cmis:creationDate (>=?) TIMESTAMP '([^']+)'");
    private static final Pattern UNTIL = Pattern.compile("cmis:creationDate < TIMESTAMP '([^']+)'");
    private static final Pattern IN_TREE = Pattern.compile("IN_TREE\\((?:d, )?'([^']+)'\\)");

    /** A stored document; {@code folder} is the path of the folder holding it, or null for one under no mapped folder. */
    record Doc(String id, Instant createdAt, String folder) {
    }

    private final List<Doc> docs = new ArrayList<>();
    private final Map<String, String> folderIds = new TreeMap<>();
    private final Random tieOrder;
    private int requests;

    /** @param tieSeed when non-null, documents sharing a millisecond come back in a new order on every request */
    FakeRepository(Long tieSeed) {
        this.tieOrder = tieSeed == null ? null : new Random(tieSeed);
    }

    FakeRepository folder(String path, String id) {
        folderIds.put(path, id);
        return this;
    }

    FakeRepository add(Doc doc) {
        docs.add(doc);
        return this;
    }

    int requests() {
        return requests;
    }

    @Override
    public synchronized Page page(String query, int skipCount, int maxItems) {
        requests++;
        List<Doc> hits = matching(query);
        int end = Math.min(hits.size(), skipCount + maxItems);
        List<DocumentRef> page = new ArrayList<>();
        for (Doc doc : hits.subList(Math.min(skipCount, end), end)) {
            page.add(new DocumentRef(doc.id(), doc.createdAt()));
        }
        return new Page(page, end < hits.size(), OptionalLong.of(hits.size()));
    }

    /** The documents the query selects, in the order this repository answers them this time. */
    synchronized List<Doc> matching(String query) {
        Matcher lower = FROM.matcher(query);
        Instant from = lower.find() ? Instant.parse(lower.group(2)) : null;
        boolean inclusive = from != null && lower.group(1).equals(">=");
        Instant until = instant(UNTIL, query);
        Matcher tree = IN_TREE.matcher(query);
        String folderPath = tree.find() ? pathOf(tree.group(1)) : null;
        List<Doc> hits = new ArrayList<>();
        for (Doc doc : docs) {
            boolean inWindow = (from == null || doc.createdAt().isAfter(from) || (inclusive && doc.createdAt().equals(from))) && (until == null || doc.createdAt().isBefore(until));
            boolean inFolder = folderPath == null || (doc.folder() != null
                    && (doc.folder().equals(folderPath) || doc.folder().startsWith(folderPath + "/")));
            if (inWindow && inFolder) {
                hits.add(doc);
            }
        }
        if (tieOrder != null) {
            Collections.shuffle(hits, tieOrder);
        }
        hits.sort(Comparator.comparing(Doc::createdAt)); // stable: ties keep the (possibly shuffled) order
        return hits;
    }

    @Override
    public MappedFolder resolve(FolderRule rule) throws PluginException {
        String id = folderIds.get(rule.reference());
        if (id == null) {
            throw new PluginException("no folder " + rule.reference());
        }
        return new MappedFolder(id, rule.reference().split("/").length - 1, rule);
    }

    private String pathOf(String id) {
        return folderIds.entrySet().stream().filter(e -> e.getValue().equals(id)).map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new IllegalStateException("unknown folder id " + id));
    }

    private static Instant instant(Pattern pattern, String query) {
        Matcher matcher = pattern.matcher(query);
        return matcher.find() ? Instant.parse(matcher.group(1)) : null;
    }
}
