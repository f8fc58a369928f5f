# Custom::IotctlThingBindings - sets each thing's type and static group memberships,
# which AWS::IoT::Thing cannot express. Properties: Things = {name: {ThingType, ThingGroups}}.
# Updates apply the difference between the old and new Things maps.
import boto3
import cfnresponse

iot = boto3.client("iot")


def remove(thing, group):
    try:
        iot.remove_thing_from_thing_group(thingName=thing, thingGroupName=group)
    except iot.exceptions.ResourceNotFoundException:
        pass


def apply(old, new):
    for name, spec in new.items():
        before = old.get(name, {})
        kind, was = spec.get("ThingType"), before.get("ThingType")
        if kind and kind != was:
            iot.update_thing(thingName=name, thingTypeName=kind)
        elif was and not kind:
            iot.update_thing(thingName=name, removeThingType=True)
        groups, had = set(spec.get("ThingGroups", [])), set(before.get("ThingGroups", []))
        for group in sorted(groups - had):
            iot.add_thing_to_thing_group(thingName=name, thingGroupName=group)
        for group in sorted(had - groups):
            remove(name, group)
    for name, spec in old.items():
        if name not in new:
            for group in spec.get("ThingGroups", []):
                remove(name, group)


def handler(event, context):
    physical_id = event.get("PhysicalResourceId") or event["LogicalResourceId"] + "-" + event["RequestId"]
    try:
        new = event["ResourceProperties"].get("Things", {})
        old = event.get("OldResourceProperties", {}).get("Things", {})
        if event["RequestType"] == "Delete":
            apply(new, {})
        else:
            apply(old, new)
        cfnresponse.send(event, context, cfnresponse.SUCCESS, {}, physical_id)
    except Exception as e:  # report every failure to CloudFormation instead of timing out
        cfnresponse.send(event, context, cfnresponse.FAILED, {}, physical_id, reason=str(e)[:500])
