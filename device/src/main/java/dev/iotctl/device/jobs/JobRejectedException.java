package dev.iotctl.device.jobs;

/**
 * A {@code /rejected} reply from the Jobs service: AWS's {@code code} ({@code VersionMismatch},
 * {@code InvalidStateTransition}, …) and message.
 */
public final class JobRejectedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String code;

  public JobRejectedException(String code, String message) {
    super(code + ": " + message);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
