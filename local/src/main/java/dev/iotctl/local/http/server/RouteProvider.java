package dev.iotctl.local.http.server;

import java.util.List;

/** A group of operations (things, certificates, shadows …) contributing routes to the server. */
@FunctionalInterface
public interface RouteProvider {
  List<Route> routes();
}
