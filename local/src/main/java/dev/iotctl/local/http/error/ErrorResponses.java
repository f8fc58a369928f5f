package dev.iotctl.local.http.error;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotctl.core.error.IotException;
import dev.iotctl.local.http.json.Json;
import dev.iotctl.local.http.server.ApiResponse;
import dev.iotctl.local.http.server.Plane;
import java.util.Map;

/**
 * Renders an {@link IotException} the way AWS's restJson services do: the exception name in the
 * {@code x-amzn-ErrorType} header (which AWS CLI, boto3 and the Java SDK read first) and a JSON
 * body. Control-plane bodies are {@code {"message": …}}; data-plane (shadow) bodies are {@code
 * {"code": <status>, "message": …}} as the device shadow service sends them.
 */
public final class ErrorResponses {
  private ErrorResponses() {}

  /** The HTTP response for {@code error} raised by an operation of {@code plane}. */
  public static ApiResponse render(IotException error, Plane plane) {
    ObjectNode body = Json.object();
    if (plane == Plane.DATA) {
      body.put("code", error.httpStatus());
    }
    body.put("message", error.getMessage());
    if (error instanceof ResourceDetail detail) {
      detail.resourceId().ifPresent(id -> body.put("resourceId", id));
      detail.resourceArn().ifPresent(arn -> body.put("resourceArn", arn));
    }
    return ApiResponse.json(
        error.httpStatus(), Map.of("x-amzn-ErrorType", error.errorCode()), Json.write(body));
  }

  /** AWS's answer to a failure the stand-in did not anticipate: 500 InternalFailureException. */
  public static ApiResponse internalFailure(Plane plane) {
    return render(
        new IotException("InternalFailureException", 500, "An unexpected error has occurred."),
        plane);
  }
}
