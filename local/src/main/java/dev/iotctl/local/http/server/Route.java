package dev.iotctl.local.http.server;

import java.util.List;

/**
 * One operation's HTTP binding: method, path template (segments, {@code {name}} for a parameter,
 * {@code {name+}} as the last segment for a greedy one that takes the rest of the path, slashes
 * included, as in Smithy's greedy labels), AWS operation name (quotas and logs), the plane it
 * belongs to and its handler.
 */
public record Route(
    String method, List<String> template, String operation, Plane plane, ApiHandler handler) {

  public Route {
    template = List.copyOf(template);
    for (int i = 0; i < template.size() - 1; i++) {
      if (isGreedy(template.get(i))) {
        throw new IllegalArgumentException(
            operation + ": only the last path segment can be greedy: " + template);
      }
    }
  }

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

  /** Whether the last segment is a greedy parameter ({@code {name+}}). */
  boolean greedy() {
    return !template.isEmpty() && isGreedy(template.get(template.size() - 1));
  }

  static boolean isParameter(String segment) {
    return segment.startsWith("{") && segment.endsWith("}");
  }

  static boolean isGreedy(String segment) {
    return isParameter(segment) && segment.endsWith("+}");
  }

  /** The name a parameter segment binds: {@code thingName} for {@code {thingName}}. */
  static String parameterName(String segment) {
    return segment.substring(1, segment.length() - (isGreedy(segment) ? 2 : 1));
  }
}
