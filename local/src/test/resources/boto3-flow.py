"""boto3 against the local stand-in: create a thing, describe it, and a modelled error class."""
import sys

import boto3

endpoint = sys.argv[1]
iot = boto3.client("iot", endpoint_url=endpoint, region_name="us-east-1",
                   aws_access_key_id="dummy", aws_secret_access_key="dummy")
created = iot.create_thing(thingName="boto-thing", attributePayload={"attributes": {"k": "v"}})
assert created["thingArn"].endswith(":thing/boto-thing"), created
described = iot.describe_thing(thingName="boto-thing")
assert described["attributes"] == {"k": "v"}, described
assert described["version"] == 1, described
try:
    iot.describe_thing(thingName="missing")
    raise AssertionError("describe_thing of a missing thing succeeded")
except iot.exceptions.ResourceNotFoundException as e:
    assert e.response["ResponseMetadata"]["HTTPStatusCode"] == 404, e.response
try:
    iot.create_thing(thingName="boto-thing", attributePayload={"attributes": {"k": "other"}})
    raise AssertionError("conflicting create_thing succeeded")
except iot.exceptions.ResourceAlreadyExistsException as e:
    assert e.response["resourceId"] == "boto-thing", e.response
data = boto3.client("iot-data", endpoint_url=endpoint, region_name="us-east-1",
                    aws_access_key_id="dummy", aws_secret_access_key="dummy")
data.update_thing_shadow(thingName="boto-thing", payload=b'{"state":{"reported":{"x":1}}}')
try:
    data.update_thing_shadow(thingName="boto-thing", payload=b'{"state":{"reported":{"x":2}},"version":9}')
    raise AssertionError("stale shadow version accepted")
except data.exceptions.ConflictException as e:
    assert e.response["ResponseMetadata"]["HTTPStatusCode"] == 409, e.response
print("BOTO3 OK")
