package dev.iotctl.local.http.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotctl.core.error.IotException;
import dev.iotctl.local.http.json.Json;
import dev.iotctl.local.http.server.ApiRequest;
import dev.iotctl.local.http.server.ApiResponse;
import dev.iotctl.local.http.server.Plane;
import dev.iotctl.local.http.server.Route;
import dev.iotctl.local.http.server.RouteProvider;
import java.util.List;
import java.util.Set;

/**
 * DescribeEndpoint. AWS answers a bare host name (no scheme, no port) per endpoint type; the
 * stand-in serves every type from one host, so it answers that host for all of them — a device
 * given it connects to the stand-in's broker, credential provider and jobs on their local ports.
 */
public final class EndpointOperations implements RouteProvider {
  private static final Set<String> TYPES =
      Set.of("iot:Data", "iot:Data-ATS", "iot:CredentialProvider", "iot:Jobs");

  private final String endpointHost;

  /**
   * @param endpointHost the host devices reach the stand-in at, e.g. {@code 127.0.0.1}
   */
  public EndpointOperations(String endpointHost) {
    this.endpointHost = endpointHost;
  }

  @Override
  public List<Route> routes() {
    return List.of(Route.of("GET", "/endpoint", "DescribeEndpoint", Plane.CONTROL, this::describe));
  }

  private ApiResponse describe(ApiRequest request) {
    // Without endpointType AWS answers the legacy iot:Data endpoint; the host is the same here.
    String type = request.query("endpointType").orElse("iot:Data");
    if (!TYPES.contains(type)) {
      throw IotException.invalidRequest("Endpoint type " + type + " is not valid.");
    }
    ObjectNode body = Json.object().put("endpointAddress", endpointHost);
    return ApiResponse.json(Json.bytes(body));
  }
}
