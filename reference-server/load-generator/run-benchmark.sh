#!/usr/bin/env bash
# Ingestion benchmark of the reference server, on H2 and on PostgreSQL, with one command:
#
#   reference-server/load-generator/run-benchmark.sh [load generator options]
#
# Builds the server and the load generator, then for each database starts the packaged server on a
# fresh store (a new H2 data directory; a new PostgreSQL database made with createdb), has the load
# generator enrol collectivités and send them signed, chained declarations from many threads, and
# prints the results next to the raw Ed25519 verification rate of one core measured in the same run.
#
# Environment: BENCH_PORT (18080), PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres; trust
# authentication on 127.0.0.1 assumed, or set PGPASSWORD), SKIP_BUILD=1 to reuse the last build,
# DATABASES ("h2 postgresql"), BATCHES ("1 50": declarations per request, 1 = the single submission, more = the
# batch endpoint; one run each), SERVER_JAVA_OPTS (extra JVM options of the server, e.g. a JFR recording),
# INDEXING=1 (then, per database, one more run with the server's background indexer paused: 10 s of batched load,
# then the time and CPU one statistics query takes to index everything stored).
# Default generator options: --collectivites 64 --threads 16 --duration 30 --warmup 10.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
PORT=${BENCH_PORT:-18080}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
DATABASES=${DATABASES:-h2 postgresql}
BATCHES=${BATCHES:-1 50}
TOKEN="bench-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
GENERATOR_ARGS=("$@")
if [ ${#GENERATOR_ARGS[@]} -eq 0 ]; then
  GENERATOR_ARGS=(--collectivites 64 --threads 16 --duration 30 --warmup 10)
fi
SERVER_JAR="$ROOT/reference-server/target/quarkus-app/quarkus-run.jar"
GENERATOR_JAR="$ROOT/reference-server/load-generator/target/observatoire-load-generator.jar"
WORK=$(mktemp -d -t observatoire-bench.XXXXXX)
SERVER_PID=""
PG_DATABASE=""

cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
  fi
  if [ -n "$PG_DATABASE" ]; then
    dropdb --if-exists "$PG_DATABASE" || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

if [ "${SKIP_BUILD:-0}" != "1" ]; then
  echo "== building the server and the load generator"
  (cd "$ROOT" && mvn -q -B -pl sdk/api,sdk/protocol install -DskipTests \
     && mvn -q -B -pl reference-server,reference-server/load-generator package -DskipTests)
fi

echo "== machine"
echo "date      $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "cpus      $(nproc) x $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "memory    $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
echo "java      $(java -version 2>&1 | head -1)"
echo "commit    $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$ROOT" diff --quiet 2>/dev/null || echo ' (with local changes)')"
echo "generator ${GENERATOR_ARGS[*]}"

# Starts the packaged server with the given extra options and waits until it is ready.
start_server() {
  local data="$WORK/data-$1"; shift
  mkdir -p "$data"
  # The per-collectivité quota is off: each synthetic collectivité sends hundreds of declarations a minute here,
  # far beyond what a real one may (docs/problems.md, rate-limited); the quota's own check is a map lookup.
  # shellcheck disable=SC2086 # SERVER_JAVA_OPTS is a list of options
  java ${SERVER_JAVA_OPTS:-} -Dobservatoire.data-dir="$data" -Dquarkus.http.port="$PORT" -Dquarkus.http.host=127.0.0.1 \
       -Dobservatoire.admin.token="$TOKEN" -Dobservatoire.declaration.quota-burst=0 "$@" -jar "$SERVER_JAR" > "$data/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 120); do
    if curl -sf "http://127.0.0.1:$PORT/q/health/ready" > /dev/null; then
      return 0
    fi
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
      echo "the server did not start:"; tail -40 "$data/server.log"; exit 1
    fi
    sleep 0.5
  done
  echo "the server did not become ready in 60 s"; tail -40 "$data/server.log"; exit 1
}

stop_server() {
  kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
}

# Runs the generator with the given batch size and any further options (they override the defaults); it accounts the
# CPU of the server (by pid), of PostgreSQL and its own over the measured window.
run_generator() {
  local batch=$1; shift
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  java -jar "$GENERATOR_JAR" "http://127.0.0.1:$PORT" "$TOKEN" "${GENERATOR_ARGS[@]}" --batch "$batch" --server-pid "$SERVER_PID" "$@"
}

# The indexing cost: the background indexer paused (its interval far beyond the run), 10 s of batched load, then one
# statistics query whose on-demand catch-up indexes everything stored.
INDEXER_PAUSED=-Dobservatoire.index.interval=PT24H
INDEXING_RUN=(--warmup 0 --duration 10 --measure-indexing 1)

# start_on <database> <label> <title> [server options]: starts the server on a fresh store of that database.
start_on() {
  local database=$1 label=$2 title=$3; shift 3
  case "$database" in
    h2)
      echo; echo "== H2 (embedded file database, fresh data directory), $title"
      start_server "h2-$label" "$@"
      ;;
    postgresql)
      PG_DATABASE="observatoire_bench_$$_$label"
      echo; echo "== PostgreSQL $(psql -XAtc 'SHOW server_version' postgres) (fresh database $PG_DATABASE on $PGHOST:$PGPORT), $title"
      createdb "$PG_DATABASE"
      start_server "pg-$label" -Dquarkus.profile=pg -Dquarkus.datasource.pg.jdbc.url="jdbc:postgresql://$PGHOST:$PGPORT/$PG_DATABASE" \
        -Dquarkus.datasource.pg.username="$PGUSER" -Dquarkus.datasource.pg.password="${PGPASSWORD:-}" "$@"
      ;;
    *) echo "unknown database '$database' (h2, postgresql)"; exit 2 ;;
  esac
}

stop_on() {
  stop_server
  if [ -n "$PG_DATABASE" ]; then
    dropdb "$PG_DATABASE"; PG_DATABASE=""
  fi
}

# Each database and batch size on a fresh store: every run starts from an empty log.
for database in $DATABASES; do
  for batch in $BATCHES; do
    start_on "$database" "$batch" "$batch declaration(s) per request"
    run_generator "$batch"
    stop_on
  done
  if [ "${INDEXING:-0}" = "1" ]; then
    start_on "$database" indexing "indexing cost: 10 s of 50 declarations per request, background indexer paused, then one catch-up" \
      "$INDEXER_PAUSED"
    run_generator 50 "${INDEXING_RUN[@]}"
    stop_on
  fi
done
