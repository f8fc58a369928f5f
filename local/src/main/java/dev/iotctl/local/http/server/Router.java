package dev.iotctl.local.http.server;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the route for a method and decoded path segments. Among templates matching the path, the
 * one with the most literal segments wins ({@code /thing-groups/addThingToThingGroup} before {@code
 * /thing-groups/{thingGroupName}}). A greedy last parameter ({@code {topic+}}) takes the rest of
 * the path, one segment or more.
 */
public final class Router {

  /** A matched route with its decoded path parameters. */
  public record Match(Route route, Map<String, String> pathParams) {}

  /** What the router found for a request. */
  public sealed interface Result {}

  /** The route for the request. */
  public record Found(Match match) implements Result {}

  /** The path exists for other methods only; {@code plane} is the plane that path belongs to. */
  public record MethodNotAllowed(Plane plane) implements Result {}

  /** No route has this path. */
  public record NotFound() implements Result {}

  private final List<Route> routes;

  public Router(List<Route> routes) {
    this.routes = List.copyOf(routes);
    checkNoDuplicates();
  }

  /** Routes {@code method} and decoded {@code segments}. */
  public Result route(String method, List<String> segments) {
    List<Match> pathMatches = new ArrayList<>();
    for (Route route : routes) {
      match(route, segments).ifPresent(params -> pathMatches.add(new Match(route, params)));
    }
    Optional<Match> best =
        pathMatches.stream()
            .filter(m -> m.route().method().equals(method))
            .max((a, b) -> Integer.compare(a.route().literalCount(), b.route().literalCount()));
    if (best.isPresent()) {
      return new Found(best.get());
    }
    if (!pathMatches.isEmpty()) {
      return new MethodNotAllowed(pathMatches.get(0).route().plane());
    }
    return new NotFound();
  }

  private static Optional<Map<String, String>> match(Route route, List<String> segments) {
    List<String> template = route.template();
    boolean greedy = route.greedy();
    if (greedy ? segments.size() < template.size() : segments.size() != template.size()) {
      return Optional.empty();
    }
    Map<String, String> params = new HashMap<>();
    int fixed = greedy ? template.size() - 1 : template.size();
    for (int i = 0; i < fixed; i++) {
      String expected = template.get(i);
      String actual = segments.get(i);
      if (Route.isParameter(expected)) {
        if (actual.isEmpty()) {
          return Optional.empty();
        }
        params.put(Route.parameterName(expected), actual);
      } else if (!expected.equals(actual)) {
        return Optional.empty();
      }
    }
    if (greedy) {
      // The rest of the path, its segments decoded one by one and joined with "/".
      String rest = String.join("/", segments.subList(fixed, segments.size()));
      if (rest.isEmpty()) {
        return Optional.empty();
      }
      params.put(Route.parameterName(template.get(fixed)), rest);
    }
    return Optional.of(params);
  }

  private void checkNoDuplicates() {
    Map<String, Route> seen = new HashMap<>();
    for (Route route : routes) {
      String key =
          route.method()
              + " "
              + String.join(
                  "/",
                  route.template().stream()
                      .map(s -> Route.isGreedy(s) ? "{+}" : Route.isParameter(s) ? "{}" : s)
                      .toList());
      Route previous = seen.put(key, route);
      if (previous != null) {
        throw new IllegalArgumentException(
            "routes collide: " + previous.operation() + " and " + route.operation());
      }
    }
  }
}
