"""Issue 11 item 6: a fresh stand-in looks like a fresh account — its operator identity is invisible.

Usage: fresh_account.py ENDPOINT OPERATOR_CERTIFICATE_ID
"""
import sys

from awscheck import clients, expect_error

endpoint, operator_id = sys.argv[1], sys.argv[2]
iot, _ = clients(endpoint)
operator_arn = f"arn:aws:iot:us-east-1:123456789012:cert/{operator_id}"

assert iot.list_certificates()["certificates"] == [], iot.list_certificates()
assert iot.list_policies()["policies"] == [], iot.list_policies()
assert iot.list_thing_groups()["thingGroups"] == []
assert iot.list_things()["things"] == []

expect_error("ResourceNotFoundException", iot.describe_certificate, certificateId=operator_id)
expect_error("ResourceNotFoundException", iot.update_certificate, certificateId=operator_id,
             newStatus="REVOKED")
expect_error("ResourceNotFoundException", iot.delete_certificate, certificateId=operator_id,
             forceDelete=True)
expect_error("ResourceNotFoundException", iot.get_policy, policyName="iotctl-operator")
expect_error("ResourceNotFoundException", iot.delete_policy, policyName="iotctl-operator")
expect_error("ResourceNotFoundException", iot.detach_policy, policyName="iotctl-operator",
             target=operator_arn)
expect_error("ResourceNotFoundException", iot.list_targets_for_policy, policyName="iotctl-operator")
assert iot.list_attached_policies(target=operator_arn)["policies"] == []
expect_error("ResourceNotFoundException", iot.list_principal_things, principal=operator_arn)
expect_error("ResourceNotFoundException", iot.list_principal_policies, principal=operator_arn)

document = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iot:*","Resource":"*"}]}'
# The names are free, as in a fresh account.
iot.create_policy(policyName="iotctl-operator", policyDocument=document)
assert [p["policyName"] for p in iot.list_policies()["policies"]] == ["iotctl-operator"]
assert iot.list_targets_for_policy(policyName="iotctl-operator")["targets"] == []
assert iot.list_policy_principals(policyName="iotctl-operator")["principals"] == []
expect_error("ResourceNotFoundException", iot.attach_policy, policyName="iotctl-operator",
             target=operator_arn)
expect_error("ResourceNotFoundException", iot.attach_principal_policy,
             policyName="iotctl-operator", principal=operator_arn)
iot.create_thing(thingName="t")
expect_error("ResourceNotFoundException", iot.attach_thing_principal, thingName="t",
             principal=operator_arn)

mine = iot.create_keys_and_certificate(setAsActive=True)
assert [c["certificateId"] for c in iot.list_certificates()["certificates"]] == [mine["certificateId"]]
print("FRESH OK")
