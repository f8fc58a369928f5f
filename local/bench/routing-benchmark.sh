#!/usr/bin/env bash
# Broker QoS 1 throughput with 0 vs 20 enabled topic rules (dev.iotctl.local.RoutingBenchmark).
# Usage: local/bench/routing-benchmark.sh [rounds-per-mode]   (run from the repository root)
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -pl local -am -DskipTests test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
cd local # the test fixtures read ../policies/
cp="target/test-classes:target/classes:../core/target/classes:../device/target/classes"
exec java -cp "$cp:$(cat target/bench.classpath)" dev.iotctl.local.RoutingBenchmark "$@"
