"""Issue 11 item 4: limits AWS enforces on things, groups and thing types.

Usage: limits.py ENDPOINT before|after  ("after" runs once the stand-in's clock moved 5 minutes).
"""
import sys

from awscheck import clients, expect_error

endpoint, phase = sys.argv[1], sys.argv[2]
iot, _ = clients(endpoint)
four = {"attributes": {"a": "1", "b": "2", "c": "3", "d": "4"}}

if phase == "before":
    # "Things without a thing type can have up to three attributes", 50 with one.
    expect_error("InvalidRequestException", iot.create_thing, thingName="untyped-4",
                 attributePayload=four, status=400)
    iot.create_thing(thingName="untyped-3", attributePayload={"attributes": {"a": "1", "b": "2", "c": "3"}})
    expect_error("InvalidRequestException", iot.update_thing, thingName="untyped-3",
                 attributePayload={"attributes": {"d": "4"}, "merge": True})
    iot.create_thing_type(thingTypeName="sensor")
    iot.create_thing(thingName="typed-4", thingTypeName="sensor", attributePayload=four)
    fifty_one = {"attributes": {f"k{i}": "v" for i in range(51)}}
    expect_error("InvalidRequestException", iot.create_thing, thingName="typed-51",
                 thingTypeName="sensor", attributePayload=fifty_one)
    # Removing the type from a thing with four attributes would leave an untyped thing with four.
    expect_error("InvalidRequestException", iot.update_thing, thingName="typed-4",
                 removeThingType=True)
    assert iot.describe_thing(thingName="typed-4")["thingTypeName"] == "sensor"
    iot.update_thing(thingName="typed-4", removeThingType=True,
                     attributePayload={"attributes": {"a": "1"}})
    assert "thingTypeName" not in iot.describe_thing(thingName="typed-4")

    # One group per hierarchy: the thing is in plant/line-a, so plant/line-b is refused...
    iot.create_thing_group(thingGroupName="plant")
    iot.create_thing_group(thingGroupName="line-a", parentGroupName="plant")
    iot.create_thing_group(thingGroupName="line-b", parentGroupName="plant")
    iot.create_thing_group(thingGroupName="other-root")
    iot.create_thing(thingName="member")
    iot.add_thing_to_thing_group(thingGroupName="line-a", thingName="member")
    expect_error("InvalidRequestException", iot.add_thing_to_thing_group,
                 thingGroupName="line-b", thingName="member")
    expect_error("InvalidRequestException", iot.add_thing_to_thing_group,
                 thingGroupName="plant", thingName="member")
    # ...while a group of another hierarchy is fine.
    iot.add_thing_to_thing_group(thingGroupName="other-root", thingName="member")
    groups = {g["groupName"] for g in iot.list_thing_groups_for_thing(thingName="member")["thingGroups"]}
    assert groups == {"line-a", "other-root"}, groups

    # A deprecated type takes no new things, and is deleted only five minutes after deprecation.
    iot.create_thing_type(thingTypeName="old")
    iot.create_thing(thingName="kept", thingTypeName="old")
    iot.create_thing(thingName="plain")
    iot.deprecate_thing_type(thingTypeName="old")
    expect_error("InvalidRequestException", iot.create_thing, thingName="new-old", thingTypeName="old")
    expect_error("InvalidRequestException", iot.update_thing, thingName="plain", thingTypeName="old")
    iot.update_thing(thingName="kept", attributePayload={"attributes": {"x": "1"}})  # existing: fine
    iot.delete_thing(thingName="kept")
    expect_error("InvalidRequestException", iot.delete_thing_type, thingTypeName="old")
    assert iot.describe_thing_type(thingTypeName="old")["thingTypeMetadata"]["deprecated"]
elif phase == "after":
    iot.delete_thing_type(thingTypeName="old")
    expect_error("ResourceNotFoundException", iot.describe_thing_type, thingTypeName="old")
    # Undoing a deprecation makes the type usable again.
    iot.deprecate_thing_type(thingTypeName="sensor")
    iot.deprecate_thing_type(thingTypeName="sensor", undoDeprecate=True)
    iot.create_thing(thingName="again", thingTypeName="sensor")
else:
    raise SystemExit("phase must be before or after")
print("LIMITS OK")
