"""Issue 11 item 5: ListThingGroups' recursive (default true) and namePrefixFilter, and
ListAttachedPolicies' recursive (a thing group's parent groups' policies)."""
import sys

from awscheck import clients

iot, _ = clients(sys.argv[1])
for name, parent in [("root1", None), ("a", "root1"), ("a1", "a"), ("a11", "a1"), ("b", "root1"),
                     ("root2", None)]:
    if parent:
        iot.create_thing_group(thingGroupName=name, parentGroupName=parent)
    else:
        iot.create_thing_group(thingGroupName=name)


def names(**kwargs):
    found = []
    for page in iot.get_paginator("list_thing_groups").paginate(**kwargs,
                                                               PaginationConfig={"PageSize": 2}):
        found += [g["groupName"] for g in page["thingGroups"]]
    return found


assert names() == ["a", "a1", "a11", "b", "root1", "root2"], names()
assert names(recursive=True) == names()
assert names(recursive=False) == ["root1", "root2"], names(recursive=False)
assert names(parentGroup="root1") == ["a", "a1", "a11", "b"], names(parentGroup="root1")
assert names(parentGroup="root1", recursive=False) == ["a", "b"]
assert names(parentGroup="a", recursive=False) == ["a1"]
assert names(parentGroup="root1", namePrefixFilter="a1") == ["a1", "a11"]
assert names(namePrefixFilter="root") == ["root1", "root2"]
assert names(namePrefixFilter="root", recursive=False, parentGroup="root2") == []

document = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iot:Connect","Resource":"*"}]}'
arn = {g: iot.describe_thing_group(thingGroupName=g)["thingGroupArn"] for g in ["root1", "a", "a1", "b"]}
for policy, group in [("p-root", "root1"), ("p-a", "a"), ("p-a1", "a1"), ("p-b", "b")]:
    iot.create_policy(policyName=policy, policyDocument=document)
    iot.attach_policy(policyName=policy, target=arn[group])


def attached(target, **kwargs):
    return [p["policyName"] for p in iot.list_attached_policies(target=target, **kwargs)["policies"]]


assert attached(arn["a1"]) == ["p-a1"], attached(arn["a1"])
assert attached(arn["a1"], recursive=False) == ["p-a1"]
assert attached(arn["a1"], recursive=True) == ["p-a", "p-a1", "p-root"], attached(arn["a1"], recursive=True)
assert attached(arn["root1"], recursive=True) == ["p-root"]
paged = iot.list_attached_policies(target=arn["a1"], recursive=True, pageSize=2)
assert [p["policyName"] for p in paged["policies"]] == ["p-a", "p-a1"], paged
rest = iot.list_attached_policies(target=arn["a1"], recursive=True, pageSize=2, marker=paged["nextMarker"])
assert [p["policyName"] for p in rest["policies"]] == ["p-root"], rest

certificate = iot.create_keys_and_certificate(setAsActive=False)["certificateArn"]
iot.create_policy(policyName="p-cert", policyDocument=document)
iot.attach_policy(policyName="p-cert", target=certificate)
assert attached(certificate, recursive=True) == ["p-cert"]
print("LISTS OK")
