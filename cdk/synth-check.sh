#!/usr/bin/env bash
# Synthesizes the fleet (fleet.yaml, or the file in $IOTCTL_FLEET) with the pinned CDK CLI, offline
# apart from the registries, and checks that every expected template exists in cdk.out.
#
# CDK_VALIDATION=false skips aws-cdk-lib's built-in CloudFormation validation (a WebAssembly pass
# costing ~10 s even for small stacks, far more for large ones); the module's tests and the synth-time
# construct validations still run. Set CDK_VALIDATION=true to include it.
set -euo pipefail
cd "$(dirname "$0")/.."

export CDK_DISABLE_CLI_TELEMETRY=true CDK_DISABLE_VERSION_CHECK=true
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20
export CDK_VALIDATION="${CDK_VALIDATION:-false}"

npm ci --no-audit --no-fund --loglevel=error
rm -rf cdk.out
npx cdk synth --quiet --no-notices ${IOTCTL_FLEET:+-c fleet="$IOTCTL_FLEET"}

fleet_file="${IOTCTL_FLEET:-fleet.yaml}"
name="$(sed -n 's/^name:[[:space:]]*\([A-Za-z0-9-]*\).*/\1/p' "$fleet_file" | head -1)"
# Every stack in the manifest has its template; the core is there; a fleet with things has shards.
node - "$name" "$(grep -c '^things:[[:space:]]*$' "$fleet_file" || true)" <<'JS'
const fs = require("fs");
const [name, hasThings] = process.argv.slice(2);
const manifest = JSON.parse(fs.readFileSync("cdk.out/manifest.json", "utf8"));
const stacks = Object.entries(manifest.artifacts)
  .filter(([, a]) => a.type === "aws:cloudformation:stack")
  .map(([id, a]) => ({ id, file: "cdk.out/" + a.properties.templateFile }));
const fail = (m) => { console.error("synth-check: " + m); process.exit(1); };
stacks.filter((s) => !fs.existsSync(s.file)).forEach((s) => fail("missing " + s.file));
if (!stacks.some((s) => s.id === name + "-core")) fail("no " + name + "-core stack");
const shards = stacks.filter((s) => s.id.startsWith(name + "-shard-"));
if (hasThings !== "0" && shards.length === 0) fail("the fleet has things but no shard stack");
for (const s of stacks) {
  const count = Object.keys(JSON.parse(fs.readFileSync(s.file, "utf8")).Resources).length;
  if (count >= 450) fail(s.id + " has " + count + " resources");
}
console.log("synth-check: " + name + "-core + " + shards.length + " shard stack(s), all templates present");
JS
