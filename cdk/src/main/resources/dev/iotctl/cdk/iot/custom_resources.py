"""iotctl's custom resources; the same code runs in AWS and in `iotctl local apply`.

Custom::IotctlThingBindings, Things: [{ThingName, ThingType?, Attributes?, ThingGroups}]
  What AWS::IoT::Thing cannot express. An entry with Attributes owns the thing's type and
  attributes (a type is set before attributes, attributes are trimmed before a type is removed:
  AWS IoT allows 3 attributes without a type); every entry owns its groups (removals first: a
  thing may be in one group per hierarchy). Applies the difference between old and new lists.
Custom::IotctlRemovalGuard, Policies: [...], ThingTypes: [...]
  When the stack stops declaring a policy or thing type, detaches the policy from every target
  and takes the type off every thing before CloudFormation deletes them.

In AWS, CloudFormation invokes handler() and gets the response at ResponseURL. Locally,
`iotctl local apply` runs this file with {"Event", "Endpoint", "Region", "TimeoutSeconds"} on
stdin and reads {"Status", "Reason"} from stdout.
"""
import json
import sys
import time
import urllib.request

import boto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

# A stuck call fails in about a minute instead of holding the stack.
CONFIG = Config(connect_timeout=5, read_timeout=15, retries={"max_attempts": 4, "mode": "standard"})
MARGIN = 60  # seconds kept back to report before the function times out
PAGE = 250


class Failed(Exception):
    pass


class Deadline:
    def __init__(self, seconds):
        self.at = time.monotonic() + seconds

    def check(self, step):
        if time.monotonic() > self.at:
            raise Failed("out of time before " + step + "; the steps before it were applied")


class Iot:
    """The IoT calls, each checked against the deadline and described when it fails."""

    def __init__(self, client, deadline):
        self.client, self.deadline = client, deadline

    def call(self, step, op, missing_ok=False, **args):
        self.deadline.check(step)
        try:
            return getattr(self.client, op)(**args)
        except ClientError as e:
            error = e.response.get("Error", {})
            if missing_ok and error.get("Code") == "ResourceNotFoundException":
                return None
            raise Failed("%s: %s: %s" % (step, error.get("Code"), error.get("Message"))) from e
        except BotoCoreError as e:  # no answer at all: connection, timeout, credentials
            raise Failed("%s: %s" % (step, e)) from e

    def set_type(self, thing, kind):
        self.call("set thing type " + kind, "update_thing", thingName=thing, thingTypeName=kind)

    def remove_type(self, thing):
        self.call("remove thing type", "update_thing", True, thingName=thing, removeThingType=True)

    def set_attributes(self, thing, attributes, missing_ok=False):
        self.call("set attributes", "update_thing", missing_ok, thingName=thing,
                  attributePayload={"attributes": attributes, "merge": False})


def bind_thing(iot, name, old, new):
    owned_old = old is not None and "Attributes" in old
    owned_new = new is not None and "Attributes" in new
    if owned_old or owned_new:
        kind_old = old.get("ThingType") if owned_old else None
        kind_new = new.get("ThingType") if owned_new else None
        attrs_old = old["Attributes"] if owned_old else ({} if old is None else None)
        attrs_new = new["Attributes"] if owned_new else {}
        gone = not owned_new
        if kind_new and kind_new != kind_old:
            iot.set_type(name, kind_new)
            if attrs_new != attrs_old:
                iot.set_attributes(name, attrs_new)
        elif kind_old and not kind_new:
            if attrs_new != attrs_old or len(attrs_new) > 3:
                iot.set_attributes(name, attrs_new, gone)
            iot.remove_type(name)
        elif attrs_new != attrs_old:
            iot.set_attributes(name, attrs_new, gone)
    had = (old or {}).get("ThingGroups", [])
    wanted = (new or {}).get("ThingGroups", [])
    for group in [g for g in had if g not in wanted]:
        iot.call("remove from group " + group, "remove_thing_from_thing_group", True,
                 thingName=name, thingGroupName=group)
    for group in [g for g in wanted if g not in had]:
        iot.call("add to group " + group, "add_thing_to_thing_group",
                 thingName=name, thingGroupName=group)


def bind_things(iot, old, new):
    old = {e["ThingName"]: e for e in old.get("Things", [])}
    new = {e["ThingName"]: e for e in new.get("Things", [])}
    for name in list(new) + [n for n in old if n not in new]:
        if old.get(name) != new.get(name):
            try:
                bind_thing(iot, name, old.get(name), new.get(name))
            except Failed as e:
                raise Failed("thing '%s': %s" % (name, e)) from e


def pages(iot, step, op, key, token, **args):
    items, marker = [], None
    while True:
        page = iot.call(step, op, True, **args, **({token[0]: marker} if marker else {}))
        if page is None:
            return items
        items += page.get(key, [])
        marker = page.get(token[1])
        if not marker:
            return items


def guard(iot, old, new):
    for policy in [p for p in old.get("Policies", []) if p not in new.get("Policies", [])]:
        targets = pages(iot, "list targets of policy " + policy, "list_targets_for_policy",
                        "targets", ("marker", "nextMarker"), policyName=policy, pageSize=PAGE)
        for target in targets:
            iot.call("detach policy %s from %s" % (policy, target), "detach_policy", True,
                     policyName=policy, target=target)
    for kind in [t for t in old.get("ThingTypes", []) if t not in new.get("ThingTypes", [])]:
        things = pages(iot, "list things of type " + kind, "list_things", "things",
                       ("nextToken", "nextToken"), thingTypeName=kind, maxResults=PAGE)
        for thing in things:
            name = thing["thingName"]
            if len(thing.get("attributes", {})) > 3:
                iot.set_attributes(name, {}, True)
            iot.remove_type(name)


HANDLERS = {"Custom::IotctlThingBindings": bind_things, "Custom::IotctlRemovalGuard": guard}


def process(event, client, seconds):
    """Applies one CloudFormation request; raises Failed with a reason naming what failed."""
    iot = Iot(client, Deadline(seconds))
    kind, props = event["ResourceType"], event.get("ResourceProperties", {})
    if kind not in HANDLERS:
        raise Failed("unknown resource type " + kind)
    if event["RequestType"] == "Create":
        HANDLERS[kind](iot, {}, props)
    elif event["RequestType"] == "Update":
        HANDLERS[kind](iot, event.get("OldResourceProperties", {}), props)
    else:
        HANDLERS[kind](iot, props, {})


def reason(event, error):
    text = "%s of %s failed: %s" % (event.get("RequestType"), event.get("ResourceType"),
                                    error if isinstance(error, Failed) else repr(error))
    if event.get("RequestType") == "Delete":
        text += " (nothing was deleted after this step; fix the cause and delete again)"
    return text[:1000]


def handler(event, context):
    physical = event.get("PhysicalResourceId") or "%s-%s" % (
        event["LogicalResourceId"], event["RequestId"][:8])
    status, why = "SUCCESS", ""
    try:
        client = boto3.client("iot", config=CONFIG)
        process(event, client, context.get_remaining_time_in_millis() / 1000 - MARGIN)
    except Exception as e:  # every failure is reported, never left to CloudFormation's timeout
        status, why = "FAILED", reason(event, e)
    print(json.dumps({"RequestType": event.get("RequestType"), "Status": status, "Reason": why}))
    body = json.dumps({"Status": status, "Reason": why, "PhysicalResourceId": physical,
                       "StackId": event["StackId"], "RequestId": event["RequestId"],
                       "LogicalResourceId": event["LogicalResourceId"], "Data": {}}).encode()
    request = urllib.request.Request(event["ResponseURL"], data=body, method="PUT",
                                     headers={"Content-Type": "", "Content-Length": len(body)})
    urllib.request.urlopen(request, timeout=30).close()


if __name__ == "__main__":
    job = json.load(sys.stdin)
    local = boto3.client("iot", endpoint_url=job["Endpoint"], region_name=job["Region"],
                         aws_access_key_id="local", aws_secret_access_key="local", config=CONFIG)
    try:
        process(job["Event"], local, job.get("TimeoutSeconds", 540))
        print(json.dumps({"Status": "SUCCESS"}))
    except Exception as e:
        print(json.dumps({"Status": "FAILED", "Reason": reason(job["Event"], e)}))
