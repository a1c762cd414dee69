package fr.observatoire.ia.testkit.conformance;

import java.util.EnumSet;
import java.util.Set;

/**
 * The source a pull plugin reads, under the test's control: a WireMock server standing for a helpdesk or a
 * document repository, a log file in a temporary directory... The plugin author writes one for the conformance
 * suite ({@link PullPluginConformance#source()}); the suite drives it.
 *
 * <p>The data it serves is the author's: it should contain the personal data real sources contain (names,
 * e-mails, ticket texts, document titles), listed in {@link PullPluginConformance#forbiddenStrings()}, so that
 * the suite can check none of it leaves the plugin.
 */
public interface SourceFixture extends AutoCloseable {

    /**
     * Serves a healthy data set with enough records for the plugin to count something: the suite requires the
     * first pull of it to produce counts and a cursor. Called once at the start of each test.
     */
    void serveHealthyData();

    /**
     * Adds records after those already served, as the source would between two pulls (new tickets, new documents,
     * new log lines), of which the plugin counts at least one. Called at most once per test.
     */
    void addMoreRecords();

    /** From now on the source fails in this way, until {@link #recover()}. Only called with {@link #failureModes()}. */
    void fail(SourceFailure failure);

    /** The source is healthy again and serves everything served so far, the records added included. */
    void recover();

    /**
     * The failures this source can simulate; the suite skips, and reports as skipped, the others (a log file has
     * no HTTP 401). All of them by default.
     */
    default Set<SourceFailure> failureModes() {
        return EnumSet.allOf(SourceFailure.class);
    }

    /**
     * Personal data the fixture itself puts in what it serves (in error pages, say), checked like
     * {@link PullPluginConformance#forbiddenStrings()}. None by default.
     */
    default Set<String> personalData() {
        return Set.of();
    }

    /** Releases the fixture (stops its server, deletes its files). Called after each test. */
    @Override
    default void close() throws Exception {
    }
}
