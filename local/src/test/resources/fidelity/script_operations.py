"""Issue 11 item 7: operations real scripts use — principal policies (deprecated but common),
UpdateThingGroupsForThing, and tags on thing types, thing groups, policies and rules."""
import sys

from awscheck import clients, expect_error

iot, _ = clients(sys.argv[1])
document = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iot:Connect","Resource":"*"}]}'

# --- principal policies ------------------------------------------------------------------------
iot.create_policy(policyName="p1", policyDocument=document)
iot.create_policy(policyName="p2", policyDocument=document)
arn = iot.create_keys_and_certificate(setAsActive=True)["certificateArn"]
other = iot.create_keys_and_certificate(setAsActive=True)["certificateArn"]
group_arn = iot.create_thing_group(thingGroupName="g")["thingGroupArn"]
iot.attach_principal_policy(policyName="p1", principal=arn)
iot.attach_principal_policy(policyName="p2", principal=arn)
iot.attach_principal_policy(policyName="p1", principal=other)
iot.attach_principal_policy(policyName="p1", principal=arn)  # again: no-op
iot.attach_policy(policyName="p1", target=group_arn)
cognito = "us-east-1:11111111-2222-3333-4444-555555555555"
iot.attach_principal_policy(policyName="p1", principal=cognito)


def policies_of(principal):
    return [p["policyName"] for p in iot.list_principal_policies(principal=principal)["policies"]]


assert policies_of(arn) == ["p1", "p2"], policies_of(arn)
assert [p["policyName"] for p in iot.list_attached_policies(target=arn)["policies"]] == ["p1", "p2"]
principals = []
for page in iot.get_paginator("list_policy_principals").paginate(
        policyName="p1", PaginationConfig={"PageSize": 1}):
    principals += page["principals"]
assert sorted(principals) == sorted([arn, other, cognito]), principals  # not the thing group
targets = iot.list_targets_for_policy(policyName="p1")["targets"]
assert group_arn in targets and arn in targets, targets
iot.detach_principal_policy(policyName="p2", principal=arn)
assert policies_of(arn) == ["p1"]
expect_error("ResourceNotFoundException", iot.attach_principal_policy, policyName="missing",
             principal=arn)
missing_cert = "arn:aws:iot:us-east-1:123456789012:cert/" + "0" * 64
expect_error("ResourceNotFoundException", iot.attach_principal_policy, policyName="p1",
             principal=missing_cert)
expect_error("ResourceNotFoundException", iot.list_principal_policies, principal=missing_cert)
expect_error("ResourceNotFoundException", iot.list_policy_principals, policyName="missing")
expect_error("DeleteConflictException", iot.delete_policy, policyName="p1")

# --- UpdateThingGroupsForThing -----------------------------------------------------------------
iot.create_thing_group(thingGroupName="a")
iot.create_thing_group(thingGroupName="a1", parentGroupName="a")
iot.create_thing_group(thingGroupName="a2", parentGroupName="a")
iot.create_thing_group(thingGroupName="b")
iot.create_thing(thingName="t")


def groups_of(thing):
    return {g["groupName"] for g in iot.list_thing_groups_for_thing(thingName=thing)["thingGroups"]}


iot.update_thing_groups_for_thing(thingName="t", thingGroupsToAdd=["a1", "b"])
assert groups_of("t") == {"a1", "b"}, groups_of("t")
iot.update_thing_groups_for_thing(thingName="t", thingGroupsToAdd=["a2"], thingGroupsToRemove=["a1"])
assert groups_of("t") == {"a2", "b"}, groups_of("t")
expect_error("InvalidRequestException", iot.update_thing_groups_for_thing, thingName="t",
             thingGroupsToAdd=["a1"])
# All or nothing: the removal of b is not applied when the addition fails.
expect_error("InvalidRequestException", iot.update_thing_groups_for_thing, thingName="t",
             thingGroupsToAdd=["a"], thingGroupsToRemove=["b"])
assert groups_of("t") == {"a2", "b"}, groups_of("t")
expect_error("ResourceNotFoundException", iot.update_thing_groups_for_thing, thingName="t",
             thingGroupsToAdd=["nope"])
expect_error("ResourceNotFoundException", iot.update_thing_groups_for_thing, thingName="nobody",
             thingGroupsToAdd=["b"])
iot.update_thing_groups_for_thing(thingName="t", thingGroupsToRemove=["a2", "b"])
assert groups_of("t") == set()

# --- tags --------------------------------------------------------------------------------------
def tags_of(resource_arn):
    return {t["Key"]: t["Value"] for t in iot.list_tags_for_resource(resourceArn=resource_arn)["tags"]}


type_arn = iot.create_thing_type(thingTypeName="tt", tags=[{"Key": "team", "Value": "x"}])["thingTypeArn"]
assert tags_of(type_arn) == {"team": "x"}, tags_of(type_arn)
tagged_group = iot.create_thing_group(thingGroupName="tagged", tags=[{"Key": "env", "Value": "dev"}])
assert tags_of(tagged_group["thingGroupArn"]) == {"env": "dev"}
policy_arn = iot.create_policy(policyName="tagged-policy", policyDocument=document,
                               tags=[{"Key": "owner", "Value": "me"}])["policyArn"]
assert tags_of(policy_arn) == {"owner": "me"}
iot.create_topic_rule(ruleName="tagged_rule", tags="k=v&space=a%20b",
                      topicRulePayload={"sql": "SELECT * FROM 'x'", "actions": []})
rule_arn = iot.get_topic_rule(ruleName="tagged_rule")["ruleArn"]
assert tags_of(rule_arn) == {"k": "v", "space": "a b"}, tags_of(rule_arn)

iot.tag_resource(resourceArn=tagged_group["thingGroupArn"],
                 tags=[{"Key": "env", "Value": "prod"}, {"Key": "team", "Value": "y"}, {"Key": "empty"}])
assert tags_of(tagged_group["thingGroupArn"]) == {"env": "prod", "team": "y", "empty": ""}
iot.untag_resource(resourceArn=tagged_group["thingGroupArn"], tagKeys=["team", "absent"])
assert tags_of(tagged_group["thingGroupArn"]) == {"env": "prod", "empty": ""}

thing_arn = iot.describe_thing(thingName="t")["thingArn"]
expect_error("InvalidRequestException", iot.tag_resource, resourceArn=thing_arn,
             tags=[{"Key": "k", "Value": "v"}])
expect_error("InvalidRequestException", iot.tag_resource, resourceArn=arn,
             tags=[{"Key": "k", "Value": "v"}])
expect_error("ResourceNotFoundException", iot.tag_resource,
             resourceArn="arn:aws:iot:us-east-1:123456789012:thinggroup/none",
             tags=[{"Key": "k", "Value": "v"}])
expect_error("InvalidRequestException", iot.tag_resource, resourceArn=type_arn,
             tags=[{"Key": "aws:reserved", "Value": "v"}])
expect_error("LimitExceededException", iot.tag_resource, resourceArn=type_arn,
             tags=[{"Key": f"k{i}", "Value": "v"} for i in range(50)])
assert tags_of(type_arn) == {"team": "x"}  # nothing of the refused request was applied

# A bad tag on a Create creates nothing.
expect_error("InvalidRequestException", iot.create_thing_group, thingGroupName="half",
             tags=[{"Key": "aws:x", "Value": "v"}])
expect_error("ResourceNotFoundException", iot.describe_thing_group, thingGroupName="half")

# A deleted resource's tags go with it.
iot.delete_thing_group(thingGroupName="tagged")
iot.create_thing_group(thingGroupName="tagged")
assert tags_of(tagged_group["thingGroupArn"]) == {}
print("OPERATIONS OK")
