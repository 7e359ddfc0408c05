#!/usr/bin/env bash
# JMH benchmarks of the in-process hot paths: marking, the draw algorithm on 1,000,000 keys, the ranking comparison.
#   bench/jmh.sh                        # all of them (about 6 minutes)
#   bench/jmh.sh DrawBenchmark -wi 1    # a selection; any JMH options after the pattern
# The classes are in src/test/java/org/baiti/bench; their names end in "Benchmark" so ./mvnw verify does not run them.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=test
PATTERN=${1:-org.baiti.bench.}
shift || true
exec java -cp "target/test-classes:target/classes:$(cat target/classpath.txt)" org.openjdk.jmh.Main "$PATTERN" \
  -rf json -rff target/jmh.json "$@"
