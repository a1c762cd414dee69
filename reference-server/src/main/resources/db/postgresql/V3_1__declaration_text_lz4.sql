-- PostgreSQL only (quarkus.flyway.pg.locations): the signed declaration and its payload, a few kilobytes each,
-- are compressed with lz4 rather than the default pglz. The ingestion benchmark (docs/benchmarks.md) measured
-- pglz at about a third of PostgreSQL's CPU per accepted declaration; lz4 costs a fraction of it and still
-- compresses. Values written before keep their compression; both read back alike. A PostgreSQL built without
-- lz4 (or older than 14) keeps pglz: the optimisation is skipped, nothing else changes.
DO $$
BEGIN
    EXECUTE 'ALTER TABLE declaration ALTER COLUMN jws SET COMPRESSION lz4, ALTER COLUMN payload SET COMPRESSION lz4';
EXCEPTION
    WHEN feature_not_supported OR syntax_error THEN
        RAISE NOTICE 'lz4 compression is not available here; declarations stay compressed with pglz';
END
$$;
