package fr.observatoire.ia.plugin.cmis;

import fr.observatoire.ia.model.Service;
import fr.observatoire.ia.plugin.cmis.FolderLookup.MappedFolder;
import fr.observatoire.ia.spi.PluginException;
import fr.observatoire.ia.spi.PullBatch;
import fr.observatoire.ia.spi.PullBatchBuilder;
import fr.observatoire.ia.spi.PullPlugin.PullProgress;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One pull: the AI-marked documents created since the cursor, counted by service.
 *
 * <p>Every query of a pull shares one window, from the cursor to {@code now - settle}. The first query reads the
 * whole repository and decides what is new and where the cursor goes. Then, for each configured folder (deepest
 * first), a query restricted with {@code IN_TREE} tells which of those new documents lie below it; each document
 * goes to the first folder that holds it, and documents under no configured folder to the default service. This
 * uses only standard CMIS QL and never reads a document's parent, path or name.
 *
 * <p>Nothing is returned until every query has succeeded: a failure leaves the cursor where it was.
 */
final class DocumentCounter {
    private final CmisSettings settings;
    private final CreationScan scan;
    private final FolderLookup folders;
    private final Clock clock;

    DocumentCounter(CmisSettings settings, DocumentSource source, FolderLookup folders, Clock clock) {
        this(settings, source, folders, clock, CreationScan.TIE_PAGE_SIZE);
    }

    /** @param tiePageSize see {@link CreationScan#TIE_PAGE_SIZE}; smaller in tests, to reach the offset walk */
    DocumentCounter(CmisSettings settings, DocumentSource source, FolderLookup folders, Clock clock, int tiePageSize) {
        this.settings = settings;
        this.scan = new CreationScan(source, settings.pageSize(), tiePageSize, settings.maxPages());
        this.folders = folders;
        this.clock = clock;
    }

    PullBatch pull(Optional<String> storedCursor, PullProgress progress) throws PluginException {
        Optional<CmisCursor> cursor = CmisCursor.decode(storedCursor);
        Instant from = cursor.map(CmisCursor::createdAt).or(settings::since).orElse(null);
        Instant until = clock.instant().minus(settings.settle()).truncatedTo(ChronoUnit.MILLIS);
        PullBatchBuilder batch = PullBatch.builder().cursor(storedCursor.filter(s -> !s.isBlank()).orElse(null));
        if (from != null && !from.isBefore(until)) {
            return batch.build();
        }

        DocumentQuery query = new DocumentQuery(settings.marker(), until);
        CreationScan.Result news = scan.scan(lower -> query.select(lower, Optional.empty()), from, until,
                cursor.<Set<String>>map(CmisCursor::ids).orElse(Set.of()), progress);
        if (news.documents().isEmpty()) {
            return batch.build();
        }
        countByService(news.documents(), query, from).forEach((service, count) ->
                batch.activity(settings.usageId(), service, settings.action(), count));
        return batch.records(news.documents().size())
                .cursor(CmisCursor.of(news.lastCreatedAt(), news.idsAtLastCreatedAt()).encode())
                .build();
    }

    private Map<Service, Long> countByService(List<DocumentRef> documents, DocumentQuery query, Instant from) throws PluginException {
        Set<String> unassigned = new LinkedHashSet<>();
        documents.forEach(document -> unassigned.add(document.id()));
        Map<Service, Long> counts = new EnumMap<>(Service.class);
        for (MappedFolder folder : deepestFirst()) {
            if (unassigned.isEmpty()) {
                break;
            }
            CreationScan.Result inFolder = scan.scan(lower -> query.select(lower, Optional.of(folder.id())), from, query.until(),
                    Set.of(), PullProgress.NONE);
            for (DocumentRef document : inFolder.documents()) {
                if (unassigned.remove(document.id())) {
                    counts.merge(folder.rule().service(), 1L, Long::sum);
                }
            }
        }
        if (!unassigned.isEmpty()) {
            counts.merge(settings.defaultService(), (long) unassigned.size(), Long::sum);
        }
        return counts;
    }

    /** Folders deepest first, so a sub-folder mapped to its own service wins over its parent; ties keep the configured order. */
    private List<MappedFolder> deepestFirst() throws PluginException {
        List<MappedFolder> mapped = new ArrayList<>();
        for (FolderRule rule : settings.folders()) {
            mapped.add(folders.resolve(rule));
        }
        mapped.sort(Comparator.comparingInt(MappedFolder::depth).reversed());
        return mapped;
    }
}
