package dev.iotctl.local.http.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.iotctl.core.error.IotException;
import dev.iotctl.local.http.HttpApiConfig;
import dev.iotctl.local.http.auth.SigV4Authenticator;
import dev.iotctl.local.http.error.ErrorResponses;
import dev.iotctl.local.http.quota.RateLimiter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP/1.1 server answering both the {@code iot} control plane and the {@code iot-data} plane
 * on one port (the JDK's {@code com.sun.net.httpserver}, which hands over the request line
 * untouched, so {@code %2F} survives until each path segment is decoded).
 *
 * <p>Per request: decode path and query, route, check the SigV4 credential scope, apply quotas,
 * read the body (bounded), run the operation, render any {@link IotException} as AWS does.
 */
public final class HttpApiServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HttpApiServer.class);

  /** Largest request body accepted on the data plane: AWS's 128 KB publish payload limit. */
  static final int MAX_DATA_BODY = 128 * 1024;

  /** Largest request body accepted on the control plane. */
  static final int MAX_CONTROL_BODY = 1024 * 1024;

  /** Most bytes of an oversized body read and discarded before the 413 is sent. */
  private static final long MAX_DRAIN = 16L * 1024 * 1024;

  static {
    // Without TCP_NODELAY the JDK server's separate header and body writes meet delayed ACKs
    // (~40 ms per keep-alive request). Read once when the JDK server's config class loads.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final HttpServer server;
  private final ExecutorService workers;
  private final Router router;
  private final SigV4Authenticator authenticator;
  private final RateLimiter rateLimiter;

  private HttpApiServer(HttpApiConfig config, List<Route> routes) throws IOException {
    this.router = new Router(routes);
    this.authenticator = new SigV4Authenticator(config.allowUnsigned());
    this.rateLimiter = new RateLimiter(config.quotas());
    AtomicInteger threadNumber = new AtomicInteger();
    this.workers =
        Executors.newFixedThreadPool(
            config.threads(),
            r -> {
              Thread t = new Thread(r, "iot-http-" + threadNumber.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    this.server = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 128);
    server.setExecutor(workers);
    server.createContext("/", this::serve);
  }

  /** Binds and starts serving {@code routes}. */
  public static HttpApiServer start(HttpApiConfig config, List<Route> routes) throws IOException {
    HttpApiServer api = new HttpApiServer(config, routes);
    api.server.start();
    return api;
  }

  /** The bound port. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** The bound address. */
  public String host() {
    return server.getAddress().getHostString();
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      ApiResponse response = respond(exchange);
      send(exchange, response);
    }
  }

  private ApiResponse respond(HttpExchange exchange) {
    Plane plane = Plane.CONTROL;
    try {
      String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
      String rawPath = exchange.getRequestURI().getRawPath();
      Map<String, List<String>> query = PathCodec.query(exchange.getRequestURI().getRawQuery());
      Router.Result result = router.route(method, PathCodec.segments(rawPath));
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
      Map<String, List<String>> headers = headers(exchange);
      authenticator.authenticate(
          first(headers, "authorization"), name -> first(query, name), plane.signingNames());
      if (plane == Plane.CONTROL) {
        rateLimiter.admit(route.operation());
      } else if (route.operation().endsWith("ThingShadow")) {
        rateLimiter.admitShadow(found.match().pathParams().get("thingName"));
      }
      byte[] body = readBody(exchange, plane);
      ApiRequest request =
          new ApiRequest(method, rawPath, found.match().pathParams(), query, headers, body);
      return route.handler().handle(request);
    } catch (IotException e) {
      return ErrorResponses.render(e, plane);
    } catch (RuntimeException | IOException e) {
      LOG.error("{} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
      return ErrorResponses.internalFailure(plane);
    }
  }

  private static byte[] readBody(HttpExchange exchange, Plane plane) throws IOException {
    int max = plane == Plane.DATA ? MAX_DATA_BODY : MAX_CONTROL_BODY;
    String declared = exchange.getRequestHeaders().getFirst("Content-Length");
    long length = -1;
    if (declared != null) {
      try {
        length = Long.parseLong(declared.trim());
      } catch (NumberFormatException e) {
        throw IotException.invalidRequest("Invalid Content-Length: " + declared);
      }
    }
    try (InputStream in = exchange.getRequestBody()) {
      byte[] body = length > max ? new byte[max + 1] : in.readNBytes(max + 1);
      if (body.length > max) {
        // Read what the client sends before answering: closing a socket with unread input makes
        // the kernel reset the connection, and the client would lose the 413.
        drain(in);
        throw tooLarge();
      }
      return body;
    }
  }

  private static void drain(InputStream in) throws IOException {
    long drained = 0;
    byte[] buffer = new byte[16 * 1024];
    int n;
    while (drained < MAX_DRAIN && (n = in.read(buffer)) > 0) {
      drained += n;
    }
  }

  private static IotException tooLarge() {
    return new IotException(
        "RequestEntityTooLargeException", 413, "The payload exceeds the maximum size allowed");
  }

  private static Map<String, List<String>> headers(HttpExchange exchange) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    exchange
        .getRequestHeaders()
        .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
    return headers;
  }

  private static java.util.Optional<String> first(Map<String, List<String>> map, String name) {
    List<String> values = map.get(name);
    return values == null || values.isEmpty()
        ? java.util.Optional.empty()
        : java.util.Optional.of(values.get(0));
  }

  private static void send(HttpExchange exchange, ApiResponse response) throws IOException {
    var headers = exchange.getResponseHeaders();
    response.headers().forEach(headers::set);
    headers.set("x-amzn-RequestId", UUID.randomUUID().toString());
    byte[] body = response.body();
    exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** Stops accepting requests and releases the port. */
  @Override
  public void close() {
    server.stop(0);
    workers.shutdown();
    try {
      workers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
