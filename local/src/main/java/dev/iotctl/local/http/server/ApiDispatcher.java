package dev.iotctl.local.http.server;

import dev.iotctl.core.error.IotException;
import dev.iotctl.local.http.HttpApiConfig;
import dev.iotctl.local.http.auth.SigV4Authenticator;
import dev.iotctl.local.http.error.ErrorResponses;
import dev.iotctl.local.http.quota.RateLimiter;
import dev.iotctl.local.log.LogText;
import dev.iotctl.local.log.ThrottledLog;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answers one whole request, independent of the transport: decode path and query, route, check the
 * SigV4 credential scope, apply quotas, check the body size, run the operation, render any {@link
 * IotException} as AWS does. Runs on a worker thread (operations block on SQLite).
 */
final class ApiDispatcher {
  /** Largest request body accepted on the data plane: AWS's 128 KB publish payload limit. */
  static final int MAX_DATA_BODY = 128 * 1024;

  /** Largest request body accepted on the control plane. */
  static final int MAX_CONTROL_BODY = 1024 * 1024;

  private final Router router;
  private final SigV4Authenticator authenticator;
  private final RateLimiter rateLimiter;
  private final ThrottledLog failures;

  ApiDispatcher(HttpApiConfig config, List<Route> routes, ThrottledLog failures) {
    this.router = new Router(routes);
    this.authenticator = new SigV4Authenticator(config.allowUnsigned());
    this.rateLimiter = new RateLimiter(config.quotas());
    this.failures = failures;
  }

  /**
   * The response to a request.
   *
   * @param method the method as sent
   * @param target the request-target as sent (raw, percent-encoded)
   * @param headers headers by lower-case name
   * @param body the whole body
   */
  ApiResponse respond(
      String method, String target, Map<String, List<String>> headers, byte[] body) {
    Plane plane = Plane.CONTROL;
    try {
      RequestTarget parsed = RequestTarget.parse(target);
      Map<String, List<String>> query = PathCodec.query(parsed.rawQuery());
      Router.Result result = router.route(method, PathCodec.segments(parsed.rawPath()));
      if (result instanceof Router.MethodNotAllowed notAllowed
          && notAllowed.plane() == Plane.DATA) {
        throw new IotException(
            "MethodNotAllowedException",
            405,
            "The specified method is not allowed against this resource.");
      }
      if (!(result instanceof Router.Found found)) {
        // The iot endpoints sit behind API Gateway, whose answer to a path/method it does not
        // know is 403 "Missing Authentication Token".
        throw new IotException(
            "MissingAuthenticationTokenException", 403, "Missing Authentication Token");
      }
      Route route = found.match().route();
      plane = route.plane();
      authenticator.authenticate(
          first(headers, "authorization"), name -> first(query, name), plane.signingNames());
      if (plane == Plane.CONTROL) {
        rateLimiter.admit(route.operation());
      } else if (route.operation().endsWith("ThingShadow")) {
        rateLimiter.admitShadow(found.match().pathParams().get("thingName"));
      }
      if (body.length > maxBody(plane)) {
        throw TransportErrors.tooLarge();
      }
      ApiRequest request =
          new ApiRequest(
              method, parsed.rawPath(), found.match().pathParams(), query, headers, body);
      return route.handler().handle(request);
    } catch (MalformedRequest e) {
      return ErrorResponses.render(e.error(), plane);
    } catch (IotException e) {
      return ErrorResponses.render(e, plane);
    } catch (RuntimeException e) {
      failures.error(
          LogText.escape(method) + " " + LogText.escape(target) + " failed: a stand-in bug", e);
      return ErrorResponses.internalFailure(plane);
    }
  }

  /**
   * The plane a request would be answered for, to shape an error for a request that never reaches
   * {@link #respond}: the control plane when the path is unknown or unreadable.
   */
  Plane planeOf(String method, String target) {
    if (method == null || target == null) {
      return Plane.CONTROL;
    }
    try {
      Router.Result result =
          router.route(method, PathCodec.segments(RequestTarget.parse(target).rawPath()));
      if (result instanceof Router.Found found) {
        return found.match().route().plane();
      }
      if (result instanceof Router.MethodNotAllowed notAllowed) {
        return notAllowed.plane();
      }
    } catch (RuntimeException unreadable) {
      // fall through: an unreadable path belongs to no plane
    }
    return Plane.CONTROL;
  }

  static int maxBody(Plane plane) {
    return plane == Plane.DATA ? MAX_DATA_BODY : MAX_CONTROL_BODY;
  }

  private static Optional<String> first(Map<String, List<String>> map, String name) {
    List<String> values = map.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }
}
