package fr.observatoire.ia.plugin.cmis;

import fr.observatoire.ia.spi.PluginException;
import fr.observatoire.ia.spi.PullPlugin.PullProgress;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import static fr.observatoire.ia.plugin.cmis.CmisSettings.key;

/**
 * Reads every result of a query ordered by creation date, from a lower bound, without losing or repeating a
 * document.
 *
 * <p>Paging is by creation date rather than by offset alone: each request asks again for documents created at or
 * after the latest date seen (the boundary), and drops the ids already seen at that date. So a document deleted
 * or added during the scan does not shift the pages, and several documents created in the same millisecond are
 * neither lost nor counted twice, whatever order the repository returns them in. When a whole page shares one
 * millisecond (documents migrated with one date do), the scan asks again for that millisecond with a page of
 * {@link #TIE_PAGE_SIZE}, so that the whole tie comes in one answer and its order does not matter. Only a tie larger
 * than that is walked through with {@code skipCount}, which then relies on the repository ordering it the same way on
 * each request (a document is still never counted twice).
 *
 * <p>Every result is checked against the query: a date before the boundary or out of order means the repository
 * did not apply the query as written, and the scan stops rather than move a cursor on wrong data.
 */
final class CreationScan {
    /** Results asked at once to read a tie in one answer: the most CMIS servers return by default. */
    static final int TIE_PAGE_SIZE = 1000;

    private final DocumentSource source;
    private final int pageSize;
    private final int tiePageSize;
    private final int maxPages;

    CreationScan(DocumentSource source, int pageSize, int tiePageSize, int maxPages) {
        this.source = source;
        this.pageSize = pageSize;
        this.tiePageSize = Math.max(pageSize, tiePageSize);
        this.maxPages = maxPages;
    }

    /**
     * @param documents       the documents found, in creation order, without those already counted
     * @param lastCreatedAt   the creation date of the last one (the start date when none was found)
     * @param idsAtLastCreatedAt every id counted at that date, those already counted included
     */
    record Result(List<DocumentRef> documents, Instant lastCreatedAt, Set<String> idsAtLastCreatedAt) {
        Result {
            documents = List.copyOf(documents);
            idsAtLastCreatedAt = Set.copyOf(idsAtLastCreatedAt);
        }
    }

    /**
     * @param queryFrom      the query for documents created at or after a date (null: no lower bound) and before {@code until}
     * @param from           where to start, or null for the beginning
     * @param until          the query's exclusive upper bound, checked on every result
     * @param alreadyCounted ids created at {@code from} that an earlier pull counted
     */
    Result scan(Function<Instant, String> queryFrom, Instant from, Instant until, Set<String> alreadyCounted, PullProgress progress)
            throws PluginException {
        List<DocumentRef> found = new ArrayList<>();
        Instant boundary = from;
        Set<String> atBoundary = new HashSet<>(alreadyCounted);
        int skip = 0;
        boolean inTie = false;
        long total = -1;
        for (int pages = 1; ; pages++) {
            if (pages > maxPages) {
                throw new PluginException("the repository still had results after " + maxPages + " pages of " + pageSize
                        + " (" + key("max-pages") + "): if that many documents are really new, raise " + key("max-pages")
                        + " or set " + key("since") + "; otherwise the repository keeps answering hasMoreItems=true");
            }
            Instant queried = boundary;
            DocumentSource.Page page = source.page(queryFrom.apply(queried), skip, inTie ? tiePageSize : pageSize);
            Instant previous = queried;
            for (DocumentRef document : page.documents()) {
                Instant created = document.createdAt();
                if (previous != null && created.isBefore(previous)) {
                    throw notApplied(queried != null && created.isBefore(queried) ? "is older than the query's lower bound" : "is out of creation-date order");
                }
                if (!created.isBefore(until)) {
                    throw notApplied("is newer than the query's upper bound");
                }
                previous = created;
                if (boundary == null || created.isAfter(boundary)) {
                    boundary = created;
                    atBoundary = new HashSet<>();
                }
                if (atBoundary.add(document.id())) {
                    found.add(document);
                }
            }
            if (total < 0 && page.totalItems().isPresent()) {
                total = page.totalItems().getAsLong();
            }
            progress.update(found.size(), total);
            if (!page.hasMoreItems()) {
                return new Result(found, boundary, atBoundary);
            }
            if (page.documents().isEmpty()) {
                throw new PluginException("the repository answered an empty page while saying more results follow "
                        + "(hasMoreItems=true at skipCount " + skip + "): the pull stopped to avoid looping; nothing was counted");
            }
            if (Objects.equals(boundary, queried)) {
                // The whole page shared the boundary's millisecond: first read the tie again in one large page,
                // then, if even that one was all tie, walk on through it by offset.
                skip = inTie ? skip + page.documents().size() : 0;
                inTie = true;
            } else {
                skip = 0;
                inTie = false;
            }
        }
    }

    private static PluginException notApplied(String problem) {
        return new PluginException("the repository did not apply the query as written: a result " + problem
                + "; it must support ORDER BY cmis:creationDate and TIMESTAMP comparisons");
    }
}
