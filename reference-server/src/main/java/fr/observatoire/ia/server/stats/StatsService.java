package fr.observatoire.ia.server.stats;

import fr.observatoire.ia.server.db.Database;
import fr.observatoire.ia.server.index.DeclarationIndexer;
import fr.observatoire.ia.server.referential.Referential;
import fr.observatoire.ia.server.stats.protection.Rules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** The statistics as the API, the open data and the dashboard get them: always protected, always up to date. */
@ApplicationScoped
public class StatsService {
    /** Periods are the collectivités' calendar, as in declarations. */
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final Database database;
    private final DeclarationIndexer indexer;
    private final Referential referential;
    private final StatsEngine engine;

    @Inject
    StatsService(Database database, DeclarationIndexer indexer, Referential referential) {
        this.database = database;
        this.indexer = indexer;
        this.referential = referential;
        this.engine = new StatsEngine(referential, new ReferenceUnits(referential), Rules.INSEE);
    }

    /** Validates query parameters (each with all its values); refuses with a problem. */
    public StatsQuery parse(Map<String, List<String>> parameters) {
        return new StatsQueryParser(referential, today()).parse(parameters);
    }

    /** Answers after indexing every declaration accepted so far, so that a query sees them all. */
    public StatsResult run(StatsQuery query) {
        indexer.catchUp();
        return database.read(connection -> engine.run(connection, query));
    }

    public LocalDate today() {
        return LocalDate.now(PARIS);
    }
}
