"""Runs custom_resources.handler() as Lambda would, against the stand-in.

argv: handler file, stand-in URL, milliseconds the fake Lambda context has left; stdin: the event.
Only the boto3 client factory is redirected to the stand-in (Debian's boto3 predates endpoint
environment variables); the handler's response goes to the event's ResponseURL as in AWS.
"""
import importlib.util
import json
import sys

import boto3

spec = importlib.util.spec_from_file_location("custom_resources", sys.argv[1])
handler = importlib.util.module_from_spec(spec)
spec.loader.exec_module(handler)
real_client = boto3.client


def local_client(service, **kwargs):
    return real_client(service, endpoint_url=sys.argv[2], region_name="us-east-1",
                       aws_access_key_id="local", aws_secret_access_key="local", **kwargs)


handler.boto3.client = local_client


class Context:
    def get_remaining_time_in_millis(self):
        return int(sys.argv[3])


handler.handler(json.load(sys.stdin), Context())
