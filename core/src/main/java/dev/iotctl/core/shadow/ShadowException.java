package dev.iotctl.core.shadow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotctl.core.error.IotException;

/**
 * A request the Device Shadow service rejects: AWS's numeric code (the HTTP status, also the {@code
 * code} of a {@code /rejected} message), AWS's message text and the request's client token when it
 * carried a valid one.
 *
 * <p>{@link #errorCode()} is the IoT data-plane exception name the HTTP API reports for the code
 * (e.g. {@code ConflictException} for 409).
 */
public final class ShadowException extends IotException {
  private static final long serialVersionUID = 1L;

  private final String clientToken;

  public ShadowException(int code, String message, String clientToken) {
    super(dataPlaneErrorCode(code), code, message);
    this.clientToken = clientToken;
  }

  /** AWS's numeric error code, equal to the HTTP status. */
  public int code() {
    return httpStatus();
  }

  /** The request's client token, or {@code null} when it had none (or an invalid one). */
  public String clientToken() {
    return clientToken;
  }

  /** The error response document published on {@code /rejected} (and returned over HTTP). */
  public byte[] rejectedJson(long timestamp) {
    ObjectNode doc = ShadowJson.object();
    doc.put("code", code());
    doc.put("message", getMessage());
    doc.put("timestamp", timestamp);
    if (clientToken != null) {
      doc.put("clientToken", clientToken);
    }
    return ShadowJson.bytes(doc);
  }

  /** The same error, now carrying {@code token}. */
  ShadowException withClientToken(String token) {
    return token == null || clientToken != null
        ? this
        : new ShadowException(code(), getMessage(), token);
  }

  static ShadowException badRequest(String message) {
    return new ShadowException(400, message, null);
  }

  /** 401 "Unauthorized", for callers that authenticate shadow requests. */
  public static ShadowException unauthorized(String clientToken) {
    return new ShadowException(401, "Unauthorized", clientToken);
  }

  /** 403 "Forbidden", for callers that authorize shadow requests. */
  public static ShadowException forbidden(String clientToken) {
    return new ShadowException(403, "Forbidden", clientToken);
  }

  /** 404 "Thing not found", for callers that check the thing exists. */
  public static ShadowException thingNotFound(String clientToken) {
    return new ShadowException(404, "Thing not found", clientToken);
  }

  /** 429, for callers that count in-flight requests per connection (AWS allows 10). */
  public static ShadowException tooManyRequests(String clientToken) {
    return new ShadowException(429, "Too Many Requests", clientToken);
  }

  /** 500 "Internal service failure". */
  public static ShadowException internalFailure(String clientToken) {
    return new ShadowException(500, "Internal service failure", clientToken);
  }

  /** The IoT data-plane exception name AWS's HTTP API uses for {@code code}. */
  static String dataPlaneErrorCode(int code) {
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
