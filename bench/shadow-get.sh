#!/usr/bin/env bash
# Whole-process wall time of one GetThingShadow against the local stand-in: bin/iotctl (CDS archive,
# C1, serial GC), plain `java -jar iotctl.jar`, and the AWS CLI v2 (/usr/bin/aws). Runs alternate,
# after one warm-up each; prints each command's median and its ratio to the AWS CLI's.
# Usage: bench/shadow-get.sh [N=5]
set -euo pipefail
n="${1:-5}"
. "$(dirname "${BASH_SOURCE[0]}")/standin.sh"
require_jar
[ -x /usr/bin/aws ] || { echo "needs the AWS CLI v2 at /usr/bin/aws (apt-get install -y awscli)" >&2; exit 1; }

tmp="$(mktemp -d)"
trap 'stop_standins; rm -rf "$tmp" "$tmp.log"' EXIT
start_standin "$tmp"
http_url="$(json_field "$tmp/endpoint.json" httpUrl)"
"$root/bin/iotctl" shadow update demo --reported '{"wait_time":5}' --local "$tmp" >/dev/null

cd "$root"
python3 "$root/bench/timeit.py" --runs "$n" --baseline aws-cli --same-json-except timestamp \
  --cmd "iotctl (CDS)" -- bin/iotctl shadow get demo --local "$tmp" \; \
  --cmd "java -jar" -- java -jar cli/target/iotctl.jar shadow get demo --local "$tmp" \; \
  --cmd "aws-cli" -- env AWS_ACCESS_KEY_ID=x AWS_SECRET_ACCESS_KEY=y AWS_DEFAULT_REGION=us-east-1 \
  AWS_EC2_METADATA_DISABLED=true /usr/bin/aws iot-data get-thing-shadow --thing-name demo \
  --endpoint-url "$http_url" /dev/stdout \;
