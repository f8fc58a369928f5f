package dev.iotctl.local.http.server;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * An HTTP response to send: status, extra headers, body bytes.
 *
 * @param status HTTP status code
 * @param headers headers to add (besides Content-Length and the request id)
 * @param body body bytes, empty for none
 */
public record ApiResponse(int status, Map<String, String> headers, byte[] body) {

  private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

  /** 200 with a JSON body. */
  public static ApiResponse json(byte[] json) {
    return new ApiResponse(200, JSON, json);
  }

  /** A JSON body with the given status and extra headers. */
  public static ApiResponse json(int status, Map<String, String> extraHeaders, String json) {
    java.util.Map<String, String> headers = new java.util.LinkedHashMap<>(JSON);
    headers.putAll(extraHeaders);
    return new ApiResponse(status, headers, json.getBytes(StandardCharsets.UTF_8));
  }

  /** 200 with an empty body, as AWS answers operations without output. */
  public static ApiResponse empty() {
    return new ApiResponse(200, Map.of(), new byte[0]);
  }
}
