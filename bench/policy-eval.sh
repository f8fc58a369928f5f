#!/usr/bin/env bash
# Microseconds per PolicyEvaluator.evaluate call for the shipped device policy (bench/PolicyEval.java,
# run as a single-file Java program against the built cli jar; no JMH).
# Usage: bench/policy-eval.sh [POLICY_FILE=policies/device.json]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/cli/target/iotctl.jar"
[ -f "$jar" ] || { echo "build first: (cd $root && ./mvnw -B -q -DskipTests package)" >&2; exit 1; }
cd "$root"
exec java -cp "$jar" bench/PolicyEval.java "${1:-policies/device.json}"
