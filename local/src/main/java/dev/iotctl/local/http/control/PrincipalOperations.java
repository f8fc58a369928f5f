package dev.iotctl.local.http.control;

import dev.iotctl.core.error.IotException;
import dev.iotctl.local.http.server.ApiRequest;
import dev.iotctl.local.http.server.ApiResponse;
import dev.iotctl.local.http.server.Plane;
import dev.iotctl.local.http.server.Route;
import dev.iotctl.local.http.server.RouteProvider;
import dev.iotctl.local.registry.ThingPrincipalRegistry;
import dev.iotctl.local.registry.ThingPrincipalType;
import java.util.List;
import java.util.Locale;

/**
 * AttachThingPrincipal, DetachThingPrincipal, ListThingPrincipals, ListPrincipalThings and their V2
 * lists (with the attachment type). The principal travels in the {@code x-amzn-principal} header.
 */
public final class PrincipalOperations implements RouteProvider {
  private final ThingPrincipalRegistry principals;

  public PrincipalOperations(ThingPrincipalRegistry principals) {
    this.principals = principals;
  }

  @Override
  public List<Route> routes() {
    String path = "/things/{thingName}/principals";
    return List.of(
        Route.of("PUT", path, "AttachThingPrincipal", Plane.CONTROL, this::attach),
        Route.of("DELETE", path, "DetachThingPrincipal", Plane.CONTROL, this::detach),
        Route.of("GET", path, "ListThingPrincipals", Plane.CONTROL, this::listPrincipals),
        Route.of(
            "GET", "/principals/things", "ListPrincipalThings", Plane.CONTROL, this::listThings),
        Route.of(
            "GET", path + "-v2", "ListThingPrincipalsV2", Plane.CONTROL, this::listPrincipalsV2),
        Route.of(
            "GET",
            "/principals/things-v2",
            "ListPrincipalThingsV2",
            Plane.CONTROL,
            this::listThingsV2));
  }

  private ApiResponse attach(ApiRequest request) {
    ThingPrincipalType type =
        request
            .query("thingPrincipalType")
            .map(PrincipalOperations::type)
            .orElse(ThingPrincipalType.NON_EXCLUSIVE_THING);
    principals.attach(request.path("thingName"), principal(request), type);
    return Responses.empty();
  }

  private ApiResponse detach(ApiRequest request) {
    principals.detach(request.path("thingName"), principal(request));
    return Responses.empty();
  }

  private ApiResponse listPrincipals(ApiRequest request) {
    var page =
        principals.listThingPrincipals(
            request.path("thingName"),
            request.queryInt("maxResults", 1, 250).orElse(null),
            request.query("nextToken").orElse(null));
    return Responses.page(page, "principals", "nextToken", (list, p) -> list.add(p));
  }

  private ApiResponse listThings(ApiRequest request) {
    var page =
        principals.listPrincipalThings(
            principal(request),
            request.queryInt("maxResults", 1, 250).orElse(null),
            request.query("nextToken").orElse(null));
    return Responses.page(page, "things", "nextToken", (list, t) -> list.add(t));
  }

  private ApiResponse listPrincipalsV2(ApiRequest request) {
    var page =
        principals.listThingPrincipalsV2(
            request.path("thingName"),
            request.query("thingPrincipalType").map(PrincipalOperations::type),
            request.queryInt("maxResults", 1, 250).orElse(null),
            request.query("nextToken").orElse(null));
    return Responses.page(
        page,
        "thingPrincipalObjects",
        "nextToken",
        (list, p) ->
            list.addObject()
                .put("principal", p.principal())
                .put("thingPrincipalType", p.type().name()));
  }

  private ApiResponse listThingsV2(ApiRequest request) {
    var page =
        principals.listPrincipalThingsV2(
            principal(request),
            request.query("thingPrincipalType").map(PrincipalOperations::type),
            request.queryInt("maxResults", 1, 250).orElse(null),
            request.query("nextToken").orElse(null));
    return Responses.page(
        page,
        "principalThingObjects",
        "nextToken",
        (list, p) ->
            list.addObject()
                .put("thingName", p.thingName())
                .put("thingPrincipalType", p.type().name()));
  }

  private static String principal(ApiRequest request) {
    return request
        .header("x-amzn-principal")
        .filter(p -> !p.isEmpty())
        .orElseThrow(
            () -> IotException.invalidRequest("The principal is required (x-amzn-principal)."));
  }

  private static ThingPrincipalType type(String value) {
    try {
      return ThingPrincipalType.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw IotException.invalidRequest("Invalid thingPrincipalType: " + value);
    }
  }
}
