/**
 * The plugin SPI, version {@value fr.observatoire.ia.spi.ObservatoirePlugin#SPI_VERSION}.
 *
 * <p>A plugin is a class implementing {@link fr.observatoire.ia.spi.PullPlugin} (it reads a source on a
 * schedule: a helpdesk, a document repository, a log) or {@link fr.observatoire.ia.spi.PushPlugin} (it
 * lives inside a host application and records as things happen), listed in
 * {@code META-INF/services/fr.observatoire.ia.spi.ObservatoirePlugin} and found by
 * {@link java.util.ServiceLoader}. Its configuration lives under {@code observatoire.plugins.<name>.}.
 *
 * <p>A pull plugin never writes anything itself: it returns a {@link fr.observatoire.ia.spi.PullBatch}
 * holding the counts it produced and the cursor after them, and the SDK commits both in one transaction.
 * So a crash repeats nothing and loses nothing. A plugin that throws is isolated: the SDK records its
 * failure in the declaration's provenance, keeps its cursor where it was, and the other plugins go on.
 */
package fr.observatoire.ia.spi;
