#!/usr/bin/env bash
# Devices per second for a bulk `iotctl certs issue` of COUNT devices (EC key + CSR each,
# CreateCertificateFromCsr, CreateThing, AttachPolicy, AttachThingPrincipal), against two stand-ins
# started side by side on loopback: one with AWS's default control-plane TPS emulated (--quotas aws),
# one without quotas. Prints iotctl's own devicesPerSecond and the whole-process wall time of each.
# Usage: bench/bulk-issue.sh [COUNT=1000]
set -euo pipefail
count="${1:-1000}"
. "$(dirname "${BASH_SOURCE[0]}")/standin.sh"
require_jar

tmp="$(mktemp -d)"
trap 'stop_standins; rm -rf "$tmp"' EXIT
mkdir "$tmp/none" "$tmp/aws"
start_standin "$tmp/none/data"
start_standin "$tmp/aws/data" --quotas aws
cd "$root"
for q in none aws; do
  bin/iotctl policy create device --file policies/device.json --local "$tmp/$q/data" >/dev/null
done

printf '%-8s %8s %10s %12s %10s\n' quotas devices issued devices/s wall-s
for q in none aws; do
  start=$(date +%s.%N)
  bin/iotctl certs issue --prefix dev- --count "$count" --policy device --create-thing \
    --concurrency 8 --out "$tmp/$q/certs" --local "$tmp/$q/data" >"$tmp/$q/summary.json" 2>/dev/null
  end=$(date +%s.%N)
  python3 - "$tmp/$q/summary.json" "$q" "$count" "$start" "$end" <<'PY'
import json, sys
summary, quotas, count, start, end = sys.argv[1:]
s = json.load(open(summary))
if s["issued"] != int(count) or s["failed"]:
    sys.exit(f"{quotas}: expected {count} issued, got {json.dumps(s)}")
print(f"{quotas:<8} {count:>8} {s['issued']:>10} {s['devicesPerSecond']:>12} {float(end) - float(start):>10.1f}")
PY
done
