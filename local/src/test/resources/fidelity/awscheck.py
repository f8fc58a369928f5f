"""Shared by the fidelity scripts: boto3 clients for a stand-in and an assertion on AWS errors."""
import boto3
import botocore.config
import botocore.exceptions


def clients(endpoint):
    """(iot, iot-data) clients for the stand-in at endpoint: dummy credentials, no retries."""
    options = dict(endpoint_url=endpoint, region_name="us-east-1",
                   aws_access_key_id="dummy", aws_secret_access_key="dummy",
                   config=botocore.config.Config(retries={"max_attempts": 1}))
    return boto3.client("iot", **options), boto3.client("iot-data", **options)


def expect_error(code, call, *args, status=None, message=None, **kwargs):
    """Calls call(*args, **kwargs), which must fail with AWS error code (and status, message)."""
    try:
        call(*args, **kwargs)
    except botocore.exceptions.ClientError as e:
        error = e.response["Error"]
        got_status = e.response["ResponseMetadata"]["HTTPStatusCode"]
        assert error["Code"] == code, f"{call.__name__}: expected {code}, got {error}"
        assert status is None or got_status == status, f"{call.__name__}: status {got_status}"
        assert message is None or message in error["Message"], \
            f"{call.__name__}: message {error['Message']!r} lacks {message!r}"
        return e
    raise AssertionError(f"{call.__name__}({args}, {kwargs}) succeeded; expected {code}")
