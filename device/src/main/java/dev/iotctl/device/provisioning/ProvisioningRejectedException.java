package dev.iotctl.device.provisioning;

/** A {@code /rejected} reply: AWS's status code, error code and message. */
public final class ProvisioningRejectedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int statusCode;
  private final String errorCode;

  public ProvisioningRejectedException(int statusCode, String errorCode, String errorMessage) {
    super(errorCode + " (" + statusCode + "): " + errorMessage);
    this.statusCode = statusCode;
    this.errorCode = errorCode;
  }

  public int statusCode() {
    return statusCode;
  }

  public String errorCode() {
    return errorCode;
  }
}
