-- H2 only (quarkus.flyway.locations): H2 hands out identity numbers from a cache of 32 and, each time the cache
-- runs out, records the sequence's new state with a store of the whole database (every page changed since the last
-- one, the open transactions' included) before the insert goes on: with WRITE_DELAY=0, eight extra stores per batch
-- of 256 declarations, and most of the log writer's time in the ingestion benchmark. H2's cache is one per database,
-- so numbers still come out in order; a crash skips at most the rest of the cache, a gap the statistics indexer
-- already steps over (docs/statistics.md). PostgreSQL keeps its default: its sequence caches are per connection and
-- would hand out numbers out of order.
ALTER TABLE declaration ALTER COLUMN ingest_no SET CACHE 100000;
