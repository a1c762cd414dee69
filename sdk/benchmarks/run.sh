#!/usr/bin/env bash
# Builds and runs the SDK benchmarks with the gc profiler (ns/op and B/op), as recorded in docs/benchmarks.md.
#   sdk/benchmarks/run.sh                  every benchmark, with the defaults below
#   sdk/benchmarks/run.sh Recording        only those whose name matches (a JMH regular expression)
#   JMH_OPTS="-f 3 -i 10" sdk/benchmarks/run.sh   other JMH options instead of the defaults
# The defaults are short but honest on a 2-core machine: one fork, 3 warm-up and 5 measured iterations.
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -pl sdk/benchmarks -am package -DskipTests
# shellcheck disable=SC2086 # JMH_OPTS is a list of options
java -jar sdk/benchmarks/target/benchmarks.jar -prof gc ${JMH_OPTS:--f 1 -wi 3 -i 5 -w 1s -r 2s} "$@"
