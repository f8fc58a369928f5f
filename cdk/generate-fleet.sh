#!/usr/bin/env bash
# Writes a generated fleet of N devices into DIR (fleet.yaml, the example policies, one example
# CSR shared by every device), for scale checks: cdk/lint-check.sh synthesizes and lints it.
#
#   cdk/generate-fleet.sh N DIR [SHARDS] [NAME]
#
# Every device has the sensor type, a group, three attributes, the sensor policy and a certificate
# from a CSR, so each one costs the most resources a device can (thing, certificate, two
# attachments). Default SHARDS: one per 60 devices (cdk/README.md, Sharding).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

devices="${1:?usage: generate-fleet.sh N DIR [SHARDS] [NAME]}"
dir="${2:?usage: generate-fleet.sh N DIR [SHARDS] [NAME]}"
shards="${3:-$(((devices + 59) / 60))}"
name="${4:-scale}"
[[ "$devices" =~ ^[0-9]+$ ]] || { echo "generate-fleet: N must be a number" >&2; exit 2; }

mkdir -p "$dir/policies" "$dir/csr"
cp "$root/policies/sensor.json" "$root/policies/gateway.json" "$dir/policies/"
cp "$root/examples/csr/sensor-001.csr" "$dir/csr/device.csr"
{
  echo "name: $name"
  echo "shards: $shards"
  echo "thingTypes: [{name: sensor, searchableAttributes: [model, site]}]"
  echo "thingGroups: [{name: plant}, {name: line-1, parent: plant}, {name: line-2, parent: plant}]"
  echo "policies: [{name: sensor}, {name: gateway}]"
  echo "things:"
  for ((i = 0; i < devices; i++)); do
    printf '  - {name: device-%05d, type: sensor, groups: [line-%d], attributes: {model: t1000, site: berlin, batch: b%d}, policy: sensor, certificate: {csr: csr/device.csr}}\n' \
      "$i" $((i % 2 + 1)) $((i % 7))
  done
} >"$dir/fleet.yaml"
