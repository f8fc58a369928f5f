#!/usr/bin/env bash
# The gate between "synthesizes" and "deploys": cfn-lint (1.51 on these machines) must report no
# error on any template of the example fleet or of a generated 1,000-device fleet; every stack must
# stay within CloudFormation's limits (500 resources, 200 outputs, 1 MB template); a second synth of
# the example in a fresh process must be byte-identical; and adding one device to the 1,000 must
# change exactly one template (its shard's).
#
# Run after cdk/synth-check.sh (it reuses node_modules and compares with its cdk.out).
# CDK_VALIDATION as in synth-check.sh (default false). LINT_DEVICES overrides the fleet size.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"

fail() {
  echo "lint-check: $*" >&2
  exit 1
}

command -v cfn-lint >/dev/null 2>&1 \
  || fail "cfn-lint is not installed; install it with: pip install 'cfn-lint==1.51.*' (or pipx)"
[ -d node_modules/aws-cdk ] || npm ci --no-audit --no-fund --loglevel=error
[ -f cdk.out/manifest.json ] || fail "no cdk.out: run cdk/synth-check.sh first"

export CDK_DISABLE_CLI_TELEMETRY=true CDK_DISABLE_VERSION_CHECK=true
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20
export CDK_VALIDATION="${CDK_VALIDATION:-false}"
devices="${LINT_DEVICES:-1000}"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

synth() { # fleet-file out-dir
  local started=$SECONDS
  npx cdk synth --quiet --no-notices -c fleet="$1" -o "$2" >"$2.log" 2>&1 \
    || { cat "$2.log" >&2; fail "cdk synth of $1 failed"; }
  echo "lint-check: synthesized $1 in $((SECONDS - started)) s"
}

# cfn-lint's exit status is a bit mask: 2 errors, 4 warnings, 8 informational (1: it crashed).
lint() { # template...
  local status=0
  cfn-lint -f parseable -- "$@" >"$tmp/lint.out" 2>&1 || status=$?
  if [ $((status & 3)) -ne 0 ]; then
    cat "$tmp/lint.out" >&2
    fail "cfn-lint found errors (exit $status) in $# template(s)"
  fi
  echo "lint-check: cfn-lint: 0 errors, $(grep -c ':W' "$tmp/lint.out" || true) warning(s) in $# template(s)"
}

# Resources, outputs and bytes of each template; fails beyond CloudFormation's limits.
limits() { # dir
  node - "$1" <<'JS'
const fs = require("fs"), path = require("path");
const dir = process.argv[2];
let max = { resources: 0, outputs: 0, bytes: 0 }, over = [];
for (const f of fs.readdirSync(dir).filter((f) => f.endsWith(".template.json"))) {
  const text = fs.readFileSync(path.join(dir, f), "utf8"), t = JSON.parse(text);
  const n = { resources: Object.keys(t.Resources || {}).length,
              outputs: Object.keys(t.Outputs || {}).length, bytes: Buffer.byteLength(text) };
  for (const k of Object.keys(max)) max[k] = Math.max(max[k], n[k]);
  if (n.resources > 500 || n.outputs > 200 || n.bytes > 1048576) over.push(f + " " + JSON.stringify(n));
}
console.log(`lint-check: ${dir}: at most ${max.resources} resources, ${max.outputs} outputs, ` +
  `${max.bytes} bytes per template`);
if (over.length) { console.error("lint-check: over CloudFormation's limits: " + over.join(", ")); process.exit(1); }
JS
}

# 1. The example fleet: a second synth in a fresh process is byte-identical, and it lints clean.
synth fleet.yaml "$tmp/example"
for f in cdk.out/*.template.json; do
  cmp -s "$f" "$tmp/example/$(basename "$f")" \
    || fail "$(basename "$f") differs between two synths of fleet.yaml (synth must be deterministic)"
done
echo "lint-check: two synths of fleet.yaml are byte-identical"
lint "$tmp"/example/*.template.json
limits "$tmp/example"

# 2. A generated fleet, linted; then the same fleet with one more device.
bash cdk/generate-fleet.sh "$devices" "$tmp/fleet" >/dev/null
synth "$tmp/fleet/fleet.yaml" "$tmp/big"
lint "$tmp"/big/*.template.json
limits "$tmp/big"
shards="$(sed -n 's/^shards: //p' "$tmp/fleet/fleet.yaml")"
bash cdk/generate-fleet.sh $((devices + 1)) "$tmp/grown" "$shards" >/dev/null
synth "$tmp/grown/fleet.yaml" "$tmp/bigger"
changed=()
for f in "$tmp"/bigger/*.template.json; do
  cmp -s "$f" "$tmp/big/$(basename "$f")" || changed+=("$(basename "$f" .template.json)")
done
[ ${#changed[@]} -eq 1 ] \
  || fail "adding one device changed ${#changed[@]} templates (${changed[*]}), expected exactly one"
echo "lint-check: adding device $devices changed exactly one template: ${changed[0]}"
cd "$root"
