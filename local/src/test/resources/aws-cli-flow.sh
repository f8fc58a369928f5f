#!/usr/bin/env bash
# A device provisioning flow with Debian's AWS CLI v2 against the local stand-in.
# Usage: aws-cli-flow.sh ENDPOINT_URL WORK_DIR POLICIES_DIR
# Expects 250 things named bulk-NNN to exist already (pagination check).
set -euo pipefail
endpoint=$1 work=$2 policies=$3
aws() { /usr/bin/aws --endpoint-url "$endpoint" --output json "$@"; }
fail() { echo "FAIL: $*" >&2; exit 1; }
# Runs a command that must fail with exit 254 and AWS's exception name on stderr.
expect_error() {
  local name=$1; shift
  local rc=0
  "$@" >"$work/out.txt" 2>"$work/err.txt" || rc=$?
  [ "$rc" -eq 254 ] || fail "expected exit 254 for $name, got $rc: $(cat "$work/err.txt")"
  grep -q "($name)" "$work/err.txt" || fail "expected $name, got: $(cat "$work/err.txt")"
  echo "ok: $name"
}

aws iot create-thing --thing-name dev1 >/dev/null
cert_arn=$(aws iot create-keys-and-certificate --set-as-active \
  --certificate-pem-outfile "$work/cert.pem" --private-key-outfile "$work/key.pem" \
  --query certificateArn --output text)
[[ $cert_arn == arn:aws:iot:us-east-1:123456789012:cert/* ]] || fail "certificate ARN: $cert_arn"
grep -q 'BEGIN CERTIFICATE' "$work/cert.pem" || fail "certificate outfile"
grep -q 'PRIVATE KEY' "$work/key.pem" || fail "private key outfile"

sed -e 's/${AWS::Region}/us-east-1/g' -e 's/${AWS::AccountId}/123456789012/g' "$policies/device.json" >"$work/device.json"
aws iot create-policy --policy-name device --policy-document "file://$work/device.json" >/dev/null
aws iot attach-policy --policy-name device --target "$cert_arn"
aws iot attach-thing-principal --thing-name dev1 --principal "$cert_arn"
[ "$(aws iot list-thing-principals --thing-name dev1 --query 'principals[0]' --output text)" = "$cert_arn" ] \
  || fail "list-thing-principals"
[ "$(aws iot list-attached-policies --target "$cert_arn" --query 'policies[0].policyName' --output text)" = device ] \
  || fail "list-attached-policies"

aws iot-data update-thing-shadow --thing-name dev1 --cli-binary-format raw-in-base64-out \
  --payload '{"state":{"desired":{"on":true}}}' "$work/update.json" >/dev/null
grep -q '"version":1' "$work/update.json" || fail "update response: $(cat "$work/update.json")"
aws iot-data get-thing-shadow --thing-name dev1 "$work/get.json" >/dev/null
grep -q '"delta":{"on":true}' "$work/get.json" || fail "get response: $(cat "$work/get.json")"
expect_error ConflictException aws iot-data update-thing-shadow --thing-name dev1 \
  --cli-binary-format raw-in-base64-out --payload '{"state":{"reported":{"on":true}},"version":99}' "$work/conflict.json"
expect_error VersionConflictException aws iot update-thing --thing-name dev1 --expected-version 99 \
  --attribute-payload '{"attributes":{"a":"b"}}'
expect_error ResourceNotFoundException aws iot describe-thing --thing-name no-such-thing
expect_error InvalidRequestException aws iot-data update-thing-shadow --thing-name dev1 --payload 'aGVsbG8gd29ybGQ=' "$work/garbage.json"

count=$(aws iot list-things --max-items 1000 --query "length(things[?starts_with(thingName, 'bulk-')])")
[ "$count" -eq 250 ] || fail "list-things followed nextToken to $count bulk things, expected 250"
echo "ok: list-things $count"

[ "$(aws iot describe-endpoint --endpoint-type iot:Data-ATS --query endpointAddress --output text)" = 127.0.0.1 ] \
  || fail "describe-endpoint"
aws iot-data delete-thing-shadow --thing-name dev1 "$work/delete.json" >/dev/null
expect_error ResourceNotFoundException aws iot-data get-thing-shadow --thing-name dev1 "$work/gone.json"
# Leave a shadow for the device to update over MQTT.
aws iot-data update-thing-shadow --thing-name dev1 --cli-binary-format raw-in-base64-out \
  --payload '{"state":{"desired":{"on":false}}}' "$work/update2.json" >/dev/null
echo "FLOW OK"
