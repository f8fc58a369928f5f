package dev.iotctl.core.jobs;

/**
 * The error codes of the Jobs device API ("Jobs device MQTT API", error responses), with the
 * exception the HTTP data plane ({@code iot-jobs-data}) uses for the same failure.
 */
public enum JobsErrorCode {
  /** A request to a topic under {@code $aws/things/T/jobs/} that maps to no API. */
  INVALID_TOPIC("InvalidTopic", "InvalidRequestException", 400),
  /** The payload is not UTF-8 JSON. */
  INVALID_JSON("InvalidJson", "InvalidRequestException", 400),
  /** The request's contents are invalid (e.g. a bad status or status details). */
  INVALID_REQUEST("InvalidRequest", "InvalidRequestException", 400),
  /** The update is not allowed from the execution's current status. */
  INVALID_STATE_TRANSITION("InvalidStateTransition", "InvalidStateTransitionException", 409),
  /** No such job execution. */
  RESOURCE_NOT_FOUND("ResourceNotFound", "ResourceNotFoundException", 404),
  /**
   * {@code expectedVersion} differs from the execution's version. The data plane has no exception
   * of its own for this; it answers 409 InvalidStateTransitionException.
   */
  VERSION_MISMATCH("VersionMismatch", "InvalidStateTransitionException", 409),
  /** The service failed. */
  INTERNAL_ERROR("InternalError", "InternalFailureException", 500),
  /** Too many requests. */
  REQUEST_THROTTLED("RequestThrottled", "ThrottlingException", 429),
  /** DescribeJobExecution on an execution in a terminal status. */
  TERMINAL_STATE_REACHED("TerminalStateReached", "TerminalStateException", 410);

  private final String code;
  private final String httpErrorCode;
  private final int httpStatus;

  JobsErrorCode(String code, String httpErrorCode, int httpStatus) {
    this.code = code;
    this.httpErrorCode = httpErrorCode;
    this.httpStatus = httpStatus;
  }

  /** The {@code code} of a {@code /rejected} message. */
  public String code() {
    return code;
  }

  /** The data plane's exception name for this failure. */
  public String httpErrorCode() {
    return httpErrorCode;
  }

  public int httpStatus() {
    return httpStatus;
  }
}
