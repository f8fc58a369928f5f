package dev.iotctl.core.jobs;

import dev.iotctl.core.error.IotException;
import java.util.Optional;

/**
 * A device-side Jobs request that is refused: the MQTT {@code code} for {@code /rejected}, the data
 * plane's exception for HTTP, and the execution's state when AWS includes it (VersionMismatch,
 * InvalidStateTransition).
 */
public final class JobsException extends IotException {
  private static final long serialVersionUID = 1L;

  private final JobsErrorCode code;
  private final transient ExecutionState executionState;

  public JobsException(JobsErrorCode code, String message, ExecutionState executionState) {
    super(code.httpErrorCode(), code.httpStatus(), message);
    this.code = code;
    this.executionState = executionState;
  }

  public JobsException(JobsErrorCode code, String message) {
    this(code, message, null);
  }

  public JobsErrorCode code() {
    return code;
  }

  public Optional<ExecutionState> executionState() {
    return Optional.ofNullable(executionState);
  }

  public static JobsException invalid(String message) {
    return new JobsException(JobsErrorCode.INVALID_REQUEST, message);
  }
}
