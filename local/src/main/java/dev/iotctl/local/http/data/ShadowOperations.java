package dev.iotctl.local.http.data;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotctl.core.error.IotException;
import dev.iotctl.core.shadow.ShadowException;
import dev.iotctl.local.http.json.Json;
import dev.iotctl.local.http.server.ApiRequest;
import dev.iotctl.local.http.server.ApiResponse;
import dev.iotctl.local.http.server.Plane;
import dev.iotctl.local.http.server.Route;
import dev.iotctl.local.http.server.RouteProvider;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * GetThingShadow, UpdateThingShadow, DeleteThingShadow (classic, or named with {@code ?name=}) and
 * ListNamedShadowsForThing. Shadow documents pass through byte for byte: the shadow service writes
 * them, the AWS CLI writes them to its outfile.
 */
public final class ShadowOperations implements RouteProvider {
  private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

  private final ShadowBackend shadows;
  private final Clock clock;

  public ShadowOperations(ShadowBackend shadows, Clock clock) {
    this.shadows = shadows;
    this.clock = clock;
  }

  @Override
  public List<Route> routes() {
    String shadow = "/things/{thingName}/shadow";
    return List.of(
        Route.of("GET", shadow, "GetThingShadow", Plane.DATA, this::get),
        Route.of("POST", shadow, "UpdateThingShadow", Plane.DATA, this::update),
        Route.of("DELETE", shadow, "DeleteThingShadow", Plane.DATA, this::delete),
        Route.of(
            "GET",
            "/api/things/shadow/ListNamedShadowsForThing/{thingName}",
            "ListNamedShadowsForThing",
            Plane.DATA,
            this::listNamed));
  }

  private ApiResponse get(ApiRequest request) {
    return document(shadows.get(thing(request), shadowName(request)));
  }

  private ApiResponse update(ApiRequest request) {
    if (request
        .header("Content-Encoding")
        .filter(e -> !e.equalsIgnoreCase("identity"))
        .isPresent()) {
      throw new ShadowException(415, "Unsupported documented encoding", null);
    }
    return document(shadows.update(thing(request), shadowName(request), request.body()));
  }

  private ApiResponse delete(ApiRequest request) {
    return document(shadows.delete(thing(request), shadowName(request)));
  }

  private ApiResponse listNamed(ApiRequest request) {
    String thing = thing(request);
    int pageSize = request.queryInt("pageSize", 1, 100).orElse(25);
    List<String> names = shadows.namedShadows(thing);
    int start = request.query("nextToken").map(token -> offset(token, names.size())).orElse(0);
    int end = Math.min(names.size(), start + pageSize);
    ObjectNode body = Json.object();
    ArrayNode results = body.putArray("results");
    names.subList(start, end).forEach(results::add);
    if (end < names.size()) {
      body.put("nextToken", token(end));
    }
    body.put("timestamp", clock.instant().getEpochSecond());
    return ApiResponse.json(Json.bytes(body));
  }

  private static String thing(ApiRequest request) {
    return DataPlaneNames.thingName(request.path("thingName"));
  }

  private static String shadowName(ApiRequest request) {
    return request.query("name").map(DataPlaneNames::shadowName).orElse(null);
  }

  private static ApiResponse document(byte[] json) {
    return new ApiResponse(200, JSON, json);
  }

  private static String token(int offset) {
    return Base64.getEncoder().encodeToString(("o:" + offset).getBytes());
  }

  private static int offset(String token, int size) {
    try {
      String decoded = new String(Base64.getDecoder().decode(token));
      int offset = Integer.parseInt(decoded.substring(2));
      if (decoded.startsWith("o:") && offset >= 0 && offset <= size) {
        return offset;
      }
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      // fall through
    }
    throw IotException.invalidRequest("The nextToken is invalid.");
  }
}
