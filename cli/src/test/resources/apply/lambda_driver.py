"""Runs custom_resources.handler() as Lambda would, against the stand-in, one event per line.

argv: the handler file. Each stdin line: {"Event", "Endpoint", "MillisLeft"}; after each, prints
"DONE" (the handler's response goes to the event's ResponseURL, as in AWS). Only the boto3 client
factory is redirected to the stand-in (Debian's boto3 predates endpoint environment variables).
One process serves a whole test class, so boto3 is imported once.
"""
import importlib.util
import json
import sys

import boto3

spec = importlib.util.spec_from_file_location("custom_resources", sys.argv[1])
handler = importlib.util.module_from_spec(spec)
spec.loader.exec_module(handler)
real_client = boto3.client
job = {}


def local_client(service, **kwargs):
    return real_client(service, endpoint_url=job["Endpoint"], region_name="us-east-1",
                       aws_access_key_id="local", aws_secret_access_key="local", **kwargs)


class Context:
    def get_remaining_time_in_millis(self):
        return job["MillisLeft"]


handler.boto3.client = local_client
for line in sys.stdin:
    job = json.loads(line)
    handler.handler(job["Event"], Context())
    print("DONE", flush=True)
