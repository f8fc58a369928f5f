"""Issue 11 item 8: response shapes and AWS's wording of errors."""
import sys

from awscheck import clients, expect_error

iot, _ = clients(sys.argv[1])

keys = iot.create_keys_and_certificate(setAsActive=True)
assert keys["keyPair"]["PrivateKey"].startswith("-----BEGIN RSA PRIVATE KEY-----\n"), keys["keyPair"]
assert keys["keyPair"]["PublicKey"].startswith("-----BEGIN PUBLIC KEY-----\n"), keys["keyPair"]

iot.create_thing(thingName="versioned")
assert iot.describe_thing(thingName="versioned")["version"] == 1
iot.update_thing(thingName="versioned", attributePayload={"attributes": {"a": "1"}})
assert iot.describe_thing(thingName="versioned")["version"] == 2
expect_error("VersionConflictException", iot.update_thing, thingName="versioned",
             expectedVersion=1, attributePayload={"attributes": {"a": "2"}}, status=409)
assert iot.describe_thing(thingName="versioned")["attributes"] == {"a": "1"}
iot.update_thing(thingName="versioned", expectedVersion=2, attributePayload={"attributes": {"a": "3"}})
described = iot.describe_thing(thingName="versioned")
assert described["version"] == 3 and described["attributes"] == {"a": "3"}, described

iot.attach_thing_principal(thingName="versioned", principal=keys["certificateArn"])
expect_error("InvalidRequestException", iot.delete_thing, thingName="versioned", status=400,
             message="Cannot delete. Thing versioned is still attached to one or more principals")

iot.create_thing_group(thingGroupName="site", thingGroupProperties={"thingGroupDescription": "one"})
e = expect_error("ResourceAlreadyExistsException", iot.create_thing_group, thingGroupName="site",
                 thingGroupProperties={"thingGroupDescription": "two"}, status=409,
                 message="Thing Group site already exists in current account")
assert e.response["resourceId"] == "site", e.response

for call, member, pattern, kwargs in [
    (iot.create_thing, "thingName", "[a-zA-Z0-9:_-]+", {"thingName": "bad name"}),
    (iot.create_thing_group, "thingGroupName", "[a-zA-Z0-9:_-]+", {"thingGroupName": "bad/name"}),
    (iot.create_thing_type, "thingTypeName", "[a-zA-Z0-9:_-]+", {"thingTypeName": "bad!name"}),
    (iot.create_policy, "policyName", "[\\w+=,.@-]+",
     {"policyName": "bad name", "policyDocument": "{}"}),
]:
    value = next(iter(kwargs.values()))
    expect_error("InvalidRequestException", call, **kwargs, status=400,
                 message=f"1 validation error detected: Value '{value}' at '{member}' failed to "
                         f"satisfy constraint: Member must satisfy regular expression pattern: {pattern}")
expect_error("InvalidRequestException", iot.create_thing, thingName="x" * 129,
             message="Member must have length less than or equal to 128")
print("SHAPES OK")
