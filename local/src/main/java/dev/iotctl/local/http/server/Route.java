package dev.iotctl.local.http.server;

import java.util.List;

/**
 * One operation's HTTP binding: method, path template (segments, {@code {name}} for a parameter),
 * AWS operation name (quotas and logs), the plane it belongs to and its handler.
 */
public record Route(
    String method, List<String> template, String operation, Plane plane, ApiHandler handler) {

  /** A route from a template such as {@code /things/{thingName}/shadow}. */
  public static Route of(
      String method, String pathTemplate, String operation, Plane plane, ApiHandler handler) {
    List<String> segments =
        pathTemplate.equals("/") ? List.of() : List.of(pathTemplate.substring(1).split("/", -1));
    return new Route(method, segments, operation, plane, handler);
  }

  /** Number of literal (non-parameter) segments: a more literal route wins a tie. */
  int literalCount() {
    return (int) template.stream().filter(s -> !isParameter(s)).count();
  }

  static boolean isParameter(String segment) {
    return segment.startsWith("{") && segment.endsWith("}");
  }
}
