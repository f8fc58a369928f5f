"""Issue 11 item 9: {} inside desired/reported is a value (kept, in the delta); state null's metadata."""
import json
import sys

from awscheck import clients

iot, data = clients(sys.argv[1])
iot.create_thing(thingName="lamp")


def update(document):
    return json.loads(data.update_thing_shadow(thingName="lamp", payload=json.dumps(document))["payload"].read())


def get():
    return json.loads(data.get_thing_shadow(thingName="lamp")["payload"].read())


update({"state": {"reported": {"config": {"mode": "eco"}, "level": 3}}})
accepted = update({"state": {"desired": {"config": {}, "level": {}, "extras": {}}}})
assert accepted["state"] == {"desired": {"config": {}, "level": {}, "extras": {}}}, accepted
assert accepted["metadata"] == {"desired": {"config": {}, "level": {}, "extras": {}}}, accepted

shadow = get()
assert shadow["state"]["desired"] == {"config": {}, "level": {}, "extras": {}}, shadow
# Fields of desired that reported lacks or holds differently are in the delta; {} vs {"mode":..}
# differs in no field, so config is not.
assert shadow["state"]["delta"] == {"level": {}, "extras": {}}, shadow
assert shadow["metadata"]["desired"] == {"config": {}, "level": {}, "extras": {}}, shadow

# A key whose object the update's nulls empty disappears; a {} sent later comes back.
update({"state": {"reported": {"config": {"mode": None}}}})
assert "config" not in get()["state"]["reported"], get()
assert get()["state"]["delta"] == {"config": {}, "level": {}, "extras": {}}, get()
update({"state": {"reported": {"config": {}, "extras": {}, "level": {}}}})
assert "delta" not in get()["state"], get()

cleared = update({"state": None})
assert cleared["state"] is None, cleared
assert set(cleared["metadata"]) == {"timestamp"}, cleared
assert isinstance(cleared["metadata"]["timestamp"], int), cleared
assert cleared["metadata"]["timestamp"] == cleared["timestamp"], cleared
after = get()
assert after["state"] == {} and after["metadata"] == {}, after
print("SHADOW OK")
