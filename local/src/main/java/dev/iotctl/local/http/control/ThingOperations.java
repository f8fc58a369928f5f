package dev.iotctl.local.http.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotctl.local.http.error.AlreadyExists;
import dev.iotctl.local.http.json.Fields;
import dev.iotctl.local.http.json.Json;
import dev.iotctl.local.http.server.ApiRequest;
import dev.iotctl.local.http.server.ApiResponse;
import dev.iotctl.local.http.server.Plane;
import dev.iotctl.local.http.server.Route;
import dev.iotctl.local.http.server.RouteProvider;
import dev.iotctl.local.registry.AttributePayload;
import dev.iotctl.local.registry.RegistryConfig;
import dev.iotctl.local.registry.Thing;
import dev.iotctl.local.registry.ThingFilter;
import dev.iotctl.local.registry.ThingRegistry;
import dev.iotctl.local.registry.ThingUpdate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** CreateThing, DescribeThing, UpdateThing, DeleteThing, ListThings. */
public final class ThingOperations implements RouteProvider {
  private final ThingRegistry things;
  private final RegistryConfig account;

  public ThingOperations(ThingRegistry things, RegistryConfig account) {
    this.things = things;
    this.account = account;
  }

  @Override
  public List<Route> routes() {
    String thing = "/things/{thingName}";
    return List.of(
        Route.of("POST", thing, "CreateThing", Plane.CONTROL, this::create),
        Route.of("GET", thing, "DescribeThing", Plane.CONTROL, this::describe),
        Route.of("PATCH", thing, "UpdateThing", Plane.CONTROL, this::update),
        Route.of("DELETE", thing, "DeleteThing", Plane.CONTROL, this::delete),
        Route.of("GET", "/things", "ListThings", Plane.CONTROL, this::list));
  }

  private ApiResponse create(ApiRequest request) {
    ObjectNode body = Json.parseObject(request.body());
    String name = request.path("thingName");
    Optional<String> type = Fields.string(body, "thingTypeName");
    Map<String, String> attributes =
        Fields.object(body, "attributePayload")
            .flatMap(payload -> Fields.stringMap(payload, "attributes"))
            .orElse(Map.of());
    Thing thing =
        AlreadyExists.naming(
            name, () -> account.arn("thing", name), () -> things.create(name, type, attributes));
    return Responses.ok(
        Json.object()
            .put("thingName", thing.name())
            .put("thingArn", thing.arn())
            .put("thingId", thing.id()));
  }

  private ApiResponse describe(ApiRequest request) {
    Thing thing = things.describe(request.path("thingName"));
    ObjectNode body =
        Json.object()
            .put("defaultClientId", thing.name())
            .put("thingName", thing.name())
            .put("thingId", thing.id())
            .put("thingArn", thing.arn());
    thing.typeName().ifPresent(type -> body.put("thingTypeName", type));
    body.set("attributes", Responses.stringMap(thing.attributes()));
    body.put("version", thing.version());
    return Responses.ok(body);
  }

  private ApiResponse update(ApiRequest request) {
    ObjectNode body = Json.parseObject(request.body());
    Optional<AttributePayload> attributes =
        Fields.object(body, "attributePayload").map(ThingOperations::attributePayload);
    ThingUpdate update =
        new ThingUpdate(
            Fields.string(body, "thingTypeName"),
            Fields.bool(body, "removeThingType").orElse(false),
            attributes,
            Fields.integer(body, "expectedVersion").orElse(null));
    things.update(request.path("thingName"), update);
    return Responses.empty();
  }

  private ApiResponse delete(ApiRequest request) {
    Long expected =
        request
            .queryInt("expectedVersion", 0, Integer.MAX_VALUE)
            .map(Integer::longValue)
            .orElse(null);
    things.delete(request.path("thingName"), expected);
    return Responses.empty();
  }

  private ApiResponse list(ApiRequest request) {
    ThingFilter filter =
        new ThingFilter(
            request.query("attributeName"),
            request.query("attributeValue"),
            request.query("thingTypeName"),
            request.queryBoolean("usePrefixAttributeValue").orElse(false));
    Integer maxResults = request.queryInt("maxResults", 1, 250).orElse(null);
    var page = things.list(filter, maxResults, request.query("nextToken").orElse(null));
    return Responses.page(
        page,
        "things",
        "nextToken",
        (list, thing) -> {
          ObjectNode item = list.addObject().put("thingName", thing.name());
          thing.typeName().ifPresent(type -> item.put("thingTypeName", type));
          item.put("thingArn", thing.arn());
          item.set("attributes", Responses.stringMap(thing.attributes()));
          item.put("version", thing.version());
        });
  }

  static AttributePayload attributePayload(ObjectNode payload) {
    return new AttributePayload(
        Fields.stringMap(payload, "attributes").orElse(Map.of()),
        Fields.bool(payload, "merge").orElse(false));
  }
}
