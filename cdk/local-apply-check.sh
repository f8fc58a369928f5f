#!/usr/bin/env bash
# The example fleet end to end on the local stand-in: synthesizes a copy of fleet.yaml whose CSRs
# are made here with fresh keys (the committed example CSRs' keys were discarded), applies the
# templates with `iotctl local apply` (twice: the second apply must change nothing), then connects
# one device with its generated key and the certificate the stand-in signed from its CSR.
#
# Everything lives in a temp dir removed on exit (keys included); the stand-in listens on loopback
# ports chosen by the OS; every wait is bounded. Needs the built jar (./mvnw -B -q -DskipTests
# package), node_modules (npm ci, as cdk/synth-check.sh does), openssl, the AWS CLI and python3 with
# boto3 (local apply runs the CDK's custom-resource handler with it).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
started=$SECONDS

fail() {
  echo "local-apply-check: $*" >&2
  exit 1
}

jar="$root/cli/target/iotctl.jar"
[ -f "$jar" ] || fail "$jar is missing; build it with: ./mvnw -B -q -DskipTests package"
[ -d node_modules/aws-cdk ] || npm ci --no-audit --no-fund --loglevel=error
# Debian's AWS CLI (installed by .ci/run); any `aws` on PATH otherwise.
aws_cli=/usr/bin/aws
[ -x "$aws_cli" ] || aws_cli="$(command -v aws)" || fail "the AWS CLI is not installed"

tmp="$(mktemp -d)"
standin_pid=""
cleanup() {
  if [ -n "$standin_pid" ] && kill -0 "$standin_pid" 2>/dev/null; then
    kill "$standin_pid" 2>/dev/null || true
    wait "$standin_pid" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT

# 1. The fleet with a fresh key + CSR per thing that has a csr: (CN = thing name). Paths in the
# fleet file are relative to it, so the repository's policies/ is linked next to the copy.
mkdir -p "$tmp/csr"
ln -s "$root/policies" "$tmp/policies"
awk '
  /^[[:space:]]*-[[:space:]]*name:/ { name = $3 }
  /csr:/ {
    if (sub(/csr:[[:space:]]*[^},[:space:]]+/, "csr: csr/" name ".csr") == 1) print name > "/dev/stderr"
  }
  { print }
' fleet.yaml >"$tmp/fleet.yaml" 2>"$tmp/things-with-csr"
mapfile -t things <"$tmp/things-with-csr"
[ ${#things[@]} -gt 0 ] || fail "fleet.yaml has no thing with a certificate csr"
for thing in "${things[@]}"; do
  # umask 077: the key file is 0600 before openssl writes a byte of it.
  (umask 077 && openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 \
    -out "$tmp/csr/$thing.key" 2>/dev/null)
  [ "$(stat -c %a "$tmp/csr/$thing.key")" = 600 ] || fail "$thing.key is not 0600"
  openssl req -new -key "$tmp/csr/$thing.key" -subj "/CN=$thing" -out "$tmp/csr/$thing.csr"
done

# 2. Synthesis, with the environment of cdk/synth-check.sh.
export CDK_DISABLE_CLI_TELEMETRY=true CDK_DISABLE_VERSION_CHECK=true
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20
export CDK_VALIDATION="${CDK_VALIDATION:-false}"
IOTCTL_FLEET="$tmp/fleet.yaml" npx cdk synth --quiet --no-notices -o "$tmp/cdk.out" \
  >"$tmp/synth.log" 2>&1 || { cat "$tmp/synth.log" >&2; fail "cdk synth of the fleet copy failed"; }
templates=("$tmp"/cdk.out/*.template.json)
[ -f "${templates[0]}" ] || fail "cdk synth wrote no template"

# 3. The stand-in, on loopback ports the OS picks; endpoint.json appears when it is ready.
standin="$tmp/standin"
java -jar "$jar" local up --data-dir "$standin" --mqtt-port 0 --http-port 0 \
  >"$tmp/standin.log" 2>&1 &
standin_pid=$!
for _ in $(seq 1 600); do
  [ -f "$standin/endpoint.json" ] && break
  kill -0 "$standin_pid" 2>/dev/null || { cat "$tmp/standin.log" >&2; fail "the stand-in exited"; }
  sleep 0.1
done
[ -f "$standin/endpoint.json" ] || { cat "$tmp/standin.log" >&2; fail "no endpoint.json in 60 s"; }
endpoint() { node -e 'console.log(require(process.argv[1])[process.argv[2]])' "$standin/endpoint.json" "$1"; }
mqtt_port="$(endpoint mqttPort)"
http_url="$(endpoint httpUrl)"
root_ca="$(endpoint rootCaPath)"
region="$(endpoint region)"

# 4. Apply, then apply again: the first creates every thing and certificate, the second nothing.
apply() {
  java -jar "$jar" local apply "${templates[@]}" --data-dir "$standin" -o json >"$1" \
    || fail "iotctl local apply failed (summary: $(cat "$1"))"
}
apply "$tmp/apply-1.json"
apply "$tmp/apply-2.json"
summary="$(node - "$tmp/apply-1.json" "$tmp/apply-2.json" "${things[@]}" <<'JS'
const fs = require("fs");
const [first, second, ...things] = process.argv.slice(2);
const read = (f) => JSON.parse(fs.readFileSync(f, "utf8"));
const fail = (m) => { console.error("local-apply-check: " + m); process.exit(1); };
const one = read(first), two = read(second);
const created = (type) =>
  one.resources.filter((r) => r.type === type && r.action === "created").map((r) => r.physicalId);
const thingsCreated = created("AWS::IoT::Thing");
for (const t of things) if (!thingsCreated.includes(t)) fail("thing " + t + " was not created");
const certs = created("AWS::IoT::Certificate").length;
if (certs !== things.length) fail(certs + " certificates created for " + things.length + " CSRs");
const unexpected = one.resources.filter((r) => !["created", "skipped"].includes(r.action));
if (unexpected.length) fail("first apply on an empty stand-in: " + JSON.stringify(unexpected));
const changed = two.resources.filter((r) => !["unchanged", "skipped"].includes(r.action));
if (changed.length) fail("second apply changed something: " + JSON.stringify(changed));
if (two.resources.length !== one.resources.length) fail("second apply saw a different resource count");
const t = one.totals;
console.log(`${t.created} created, ${t.skipped} skipped; re-apply ${two.totals.unchanged} unchanged`);
JS
)" || exit 1

# 5. One device connects with its generated key and the certificate signed from its CSR. The
# sample device reports to its classic shadow and publishes telemetry, so the thing must have a
# policy allowing both: gateway-001 (policies/gateway.json: fleet/<thing>/* and its shadow).
device=gateway-001
printf '%s\n' "${things[@]}" | grep -qx "$device" || fail "fleet.yaml has no $device with a csr"
cert_id="$(node - "$standin/applied" "$device" <<'JS'
const fs = require("fs"), path = require("path");
const [dir, thing] = process.argv.slice(2);
for (const f of fs.readdirSync(dir).filter((f) => f.endsWith(".json"))) {
  const resources = Object.values(JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")).resources);
  const attachment = resources.find(
    (r) => r.type === "AWS::IoT::ThingPrincipalAttachment" && r.properties.ThingName === thing);
  if (!attachment) continue;
  const cert = resources.find(
    (r) => r.type === "AWS::IoT::Certificate" && r.attributes.Arn === attachment.properties.Principal);
  if (cert) { console.log(cert.physicalId); process.exit(0); }
}
console.error("local-apply-check: no certificate attached to " + thing + " in " + dir);
process.exit(1);
JS
)" || exit 1
aws_iot() {
  AWS_ACCESS_KEY_ID=dummy AWS_SECRET_ACCESS_KEY=dummy AWS_DEFAULT_REGION="$region" AWS_PAGER="" \
    "$aws_cli" iot "$@" --endpoint-url "$http_url" --output text
}
aws_iot describe-certificate --certificate-id "$cert_id" \
  --query certificateDescription.certificatePem >"$tmp/csr/$device.pem" \
  || fail "describe-certificate $cert_id failed"
grep -q 'BEGIN CERTIFICATE' "$tmp/csr/$device.pem" || fail "no PEM for certificate $cert_id"
# Its type and groups come from the shard's Custom::IotctlThingBindings, applied by the same Python
# handler as in AWS (fleet.yaml: edge-gateway; factory-berlin, gateways).
type="$(aws_iot describe-thing --thing-name "$device" --query thingTypeName)" \
  || fail "describe-thing $device failed"
[ "$type" = edge-gateway ] || fail "$device has thing type '$type', not edge-gateway"
groups=(factory-berlin gateways)
for group in "${groups[@]}"; do
  members="$(aws_iot list-things-in-thing-group --thing-group-name "$group" --query things)" \
    || fail "list-things-in-thing-group $group failed"
  [[ " $members " =~ [[:space:]]$device[[:space:]] ]] || fail "$device is not in group $group"
done
# Attributes, too, come from the bindings (the thing resource carries only its name).
model="$(aws_iot describe-thing --thing-name sensor-001 --query attributes.model)" \
  || fail "describe-thing sensor-001 failed"
[ "$model" = t1000 ] || fail "sensor-001 has attribute model '$model', not t1000"
device_out="$tmp/device.log"
timeout 60 java -cp "$jar" dev.iotctl.device.sample.ShadowDevice --device_name "$device" \
  --endpoint 127.0.0.1 --port "$mqtt_port" --root_ca "$root_ca" --cert "$tmp/csr/$device.pem" \
  --private "$tmp/csr/$device.key" --topic "fleet/$device/telemetry" --wait_time 1 --count 1 \
  >"$device_out" 2>&1 || { cat "$device_out" >&2; fail "the sample device $device failed"; }
grep -q 'REPORTED' "$device_out" || { cat "$device_out" >&2; fail "$device reported no shadow state"; }
grep -q "TELEMETRY fleet/$device/telemetry" "$device_out" \
  || { cat "$device_out" >&2; fail "$device published no telemetry"; }

echo "local-apply-check: ${#templates[@]} templates applied ($summary);" \
  "$device ($type, in ${groups[*]}) connected with its own key, reported its shadow, published telemetry" \
  "($((SECONDS - started)) s)"
