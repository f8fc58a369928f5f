package dev.iotctl.device.shadow;

import dev.iotctl.core.error.IotException;

/**
 * A {@code /rejected} reply from the Device Shadow service: AWS's numeric {@code code} (an HTTP
 * status) and {@code message}. The error code is the name the shadow HTTP API uses for the same
 * status, so MQTT and HTTP failures read alike.
 */
public class ShadowRejectedException extends IotException {
  private static final long serialVersionUID = 1L;

  private final String clientToken;

  public ShadowRejectedException(int code, String message, String clientToken) {
    super(errorCodeFor(code), code, message);
    this.clientToken = clientToken;
  }

  /** AWS's {@code code} field. */
  public int code() {
    return httpStatus();
  }

  /** The client token of the rejected request. */
  public String clientToken() {
    return clientToken;
  }

  /** Names from the AWS IoT data plane API (UpdateThingShadow, GetThingShadow errors). */
  static String errorCodeFor(int code) {
    return switch (code) {
      case 400 -> "InvalidRequestException";
      case 401 -> "UnauthorizedException";
      case 403 -> "ForbiddenException";
      case 404 -> "ResourceNotFoundException";
      case 405 -> "MethodNotAllowedException";
      case 409 -> "ConflictException";
      case 413 -> "RequestEntityTooLargeException";
      case 415 -> "UnsupportedDocumentEncodingException";
      case 429 -> "ThrottlingException";
      case 503 -> "ServiceUnavailableException";
      default -> "InternalFailureException";
    };
  }
}
