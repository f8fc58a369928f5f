package dev.iotctl.core.error;

/**
 * An error as AWS IoT Core reports it: the exception name a client sees (the {@code
 * x-amzn-ErrorType} header on the control plane, e.g. {@code ResourceNotFoundException}), the HTTP
 * status AWS uses for it, and AWS's message text.
 *
 * <p>Every layer (core, the stand-in's MQTT and HTTP faces, the CLI) carries this one type to its
 * edge, where it becomes an HTTP error response, a {@code /rejected} message or an exit code.
 */
public class IotException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String errorCode;
  private final int httpStatus;

  public IotException(String errorCode, int httpStatus, String message) {
    super(message);
    this.errorCode = errorCode;
    this.httpStatus = httpStatus;
  }

  /** AWS's exception name, e.g. {@code InvalidRequestException}. */
  public String errorCode() {
    return errorCode;
  }

  /** The HTTP status AWS answers with for this error. */
  public int httpStatus() {
    return httpStatus;
  }

  public static IotException invalidRequest(String message) {
    return new IotException("InvalidRequestException", 400, message);
  }

  public static IotException notFound(String message) {
    return new IotException("ResourceNotFoundException", 404, message);
  }

  public static IotException malformedPolicy(String message) {
    return new IotException("MalformedPolicyException", 400, message);
  }
}
