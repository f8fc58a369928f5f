"""Issue 11 item 7: V2 logging options and levels, stored and listed as AWS does.

Usage: v2_logging.py ENDPOINT configure
"""
import sys

from awscheck import clients, expect_error

endpoint, phase = sys.argv[1], sys.argv[2]
iot, _ = clients(endpoint)
role = "arn:aws:iam::123456789012:role/iotLogging"


def levels(**kwargs):
    found = []
    for page in iot.get_paginator("list_v2_logging_levels").paginate(
            **kwargs, PaginationConfig={"PageSize": 2}):
        for entry in page["logTargetConfigurations"]:
            target = entry["logTarget"]
            found.append((target["targetType"], target.get("targetName"), entry["logLevel"]))
    return found


if phase == "configure":
    expect_error("NotConfiguredException", iot.get_v2_logging_options, status=404)
    expect_error("NotConfiguredException", iot.list_v2_logging_levels, status=404)
    expect_error("NotConfiguredException", iot.set_v2_logging_level,
                 logTarget={"targetType": "THING_GROUP", "targetName": "verbose"}, logLevel="INFO")
    iot.set_v2_logging_options(roleArn=role, defaultLogLevel="ERROR")
    options = iot.get_v2_logging_options()
    assert (options["roleArn"], options["defaultLogLevel"], options["disableAllLogs"]) == \
        (role, "ERROR", False), options

    iot.create_thing_group(thingGroupName="verbose")
    iot.create_thing_group(thingGroupName="muted", parentGroupName="verbose")
    iot.add_thing_to_thing_group(thingGroupName="verbose", thingName="loud")
    iot.add_thing_to_thing_group(thingGroupName="muted", thingName="hushed")
    iot.set_v2_logging_level(logTarget={"targetType": "THING_GROUP", "targetName": "verbose"},
                             logLevel="INFO")
    iot.set_v2_logging_level(logTarget={"targetType": "THING_GROUP", "targetName": "muted"},
                             logLevel="DISABLED")
    iot.set_v2_logging_level(logTarget={"targetType": "CLIENT_ID", "targetName": "chatty"},
                             logLevel="WARN")
    iot.set_v2_logging_level(logTarget={"targetType": "CLIENT_ID", "targetName": "chatty"},
                             logLevel="DEBUG")  # set again: replaced
    assert levels() == [("DEFAULT", None, "ERROR"), ("THING_GROUP", "muted", "DISABLED"),
                        ("THING_GROUP", "verbose", "INFO"), ("CLIENT_ID", "chatty", "DEBUG")], levels()
    assert levels(targetType="CLIENT_ID") == [("CLIENT_ID", "chatty", "DEBUG")]
    expect_error("InvalidRequestException", iot.set_v2_logging_level,
                 logTarget={"targetType": "DEFAULT"}, logLevel="INFO")
    expect_error("InvalidRequestException", iot.set_v2_logging_level,
                 logTarget={"targetType": "THING_GROUP", "targetName": "verbose"}, logLevel="LOUD")
    iot.delete_v2_logging_level(targetType="THING_GROUP", targetName="never-set")
else:
    raise SystemExit("unknown phase " + phase)
print("LOGGING OK")
