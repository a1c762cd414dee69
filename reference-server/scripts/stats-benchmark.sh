#!/usr/bin/env bash
# The dashboard's statistics at national scale on PostgreSQL (docs/benchmarks.md, "Statistics at national scale"):
# builds the server, generates a year of declarations for the whole of France into a PostgreSQL schema, starts the
# packaged server on it and times every dashboard request. Needs PostgreSQL at 127.0.0.1:5432 (database test, user
# postgres) unless told otherwise:
#   reference-server/scripts/stats-benchmark.sh [--url jdbc:postgresql://host:5432/db] [--user u] [--password p]
#                                               [--schema stats_bench] [--runs 30] [--seed 2026] [--adoption 1] [--keep]
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -pl reference-server package -DskipTests
mvn -B -q -pl reference-server dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/benchmark.classpath
exec java -cp "reference-server/target/test-classes:reference-server/target/classes:$(cat reference-server/target/benchmark.classpath)" \
  fr.observatoire.ia.server.stats.bench.NationalStatsBenchmark "$@"
