package dev.iotctl.local.http;

import dev.iotctl.local.http.server.HttpApiServer;
import dev.iotctl.local.http.server.Route;
import dev.iotctl.local.http.server.RouteProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The local IoT Core stand-in's HTTP API: AWS IoT's control plane ({@code iot}) and data plane
 * ({@code iot-data}) on one loopback port, for {@code aws --endpoint-url}, boto3 and the AWS SDKs'
 * {@code endpointOverride}.
 */
public final class LocalHttpApi implements AutoCloseable {
  private final HttpApiServer server;

  private LocalHttpApi(HttpApiServer server) {
    this.server = server;
  }

  /** Starts the server with the operations of {@code providers}. */
  public static LocalHttpApi start(HttpApiConfig config, List<? extends RouteProvider> providers) {
    List<Route> routes = new ArrayList<>();
    providers.forEach(p -> routes.addAll(p.routes()));
    try {
      return new LocalHttpApi(HttpApiServer.start(config, routes));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the HTTP API on port " + config.port(), e);
    }
  }

  /** The bound port. */
  public int port() {
    return server.port();
  }

  /** The URL clients pass as {@code --endpoint-url}, e.g. {@code http://127.0.0.1:45678}. */
  public URI url() {
    return URI.create("http://" + server.host() + ":" + server.port());
  }

  @Override
  public void close() {
    server.close();
  }
}
