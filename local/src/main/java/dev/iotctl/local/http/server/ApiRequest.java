package dev.iotctl.local.http.server;

import dev.iotctl.core.error.IotException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request as an operation sees it: path parameters already percent-decoded segment by
 * segment, the query string decoded, header names lower-cased, the whole body read.
 *
 * @param method HTTP method, upper case
 * @param rawPath the path exactly as sent (still percent-encoded)
 * @param pathParams values of the route's {@code {name}} segments, decoded
 * @param query decoded query parameters (a name may repeat)
 * @param headers request headers by lower-case name
 * @param body the request body, empty when none was sent
 */
public record ApiRequest(
    String method,
    String rawPath,
    Map<String, String> pathParams,
    Map<String, List<String>> query,
    Map<String, List<String>> headers,
    byte[] body) {

  /** The decoded value of path parameter {@code name}; routes guarantee it is present. */
  public String path(String name) {
    String value = pathParams.get(name);
    if (value == null) {
      throw new IllegalStateException("route has no path parameter " + name);
    }
    return value;
  }

  /** The first value of query parameter {@code name}, if sent. */
  public Optional<String> query(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** Query parameter {@code name} as an integer within [min, max], if sent. */
  public Optional<Integer> queryInt(String name, int min, int max) {
    Optional<String> raw = query(name);
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    int value;
    try {
      value = Integer.parseInt(raw.get());
    } catch (NumberFormatException e) {
      throw IotException.invalidRequest(
          "1 validation error detected: Value '"
              + raw.get()
              + "' at '"
              + name
              + "' failed to satisfy constraint: Member must be a number");
    }
    if (value < min || value > max) {
      throw IotException.invalidRequest(
          "1 validation error detected: Value '"
              + value
              + "' at '"
              + name
              + "' failed to satisfy constraint: Member must have value between "
              + min
              + " and "
              + max);
    }
    return Optional.of(value);
  }

  /** Query parameter {@code name} as a boolean ({@code true}/{@code false}), if sent. */
  public Optional<Boolean> queryBoolean(String name) {
    Optional<String> raw = query(name);
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    return switch (raw.get()) {
      case "true" -> Optional.of(true);
      case "false" -> Optional.of(false);
      default ->
          throw IotException.invalidRequest(
              "Value '" + raw.get() + "' at '" + name + "' must be true or false");
    };
  }

  /** The first value of header {@code name} (any case), if sent. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }
}
