#!/usr/bin/env bash
# Signed GetThingShadow requests per second through the HTTP API, 8 concurrent SDK clients
# (dev.iotctl.local.http.ShadowGetBenchmark).
# Usage: local/bench/http-shadow-get.sh [rounds]   (run from the repository root)
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q -pl local -am -DskipTests test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
cd local
cp="target/test-classes:target/classes:../core/target/classes:../device/target/classes"
exec java -cp "$cp:$(cat target/bench.classpath)" dev.iotctl.local.http.ShadowGetBenchmark "$@"
