package dev.iotctl.local.http.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotctl.core.error.IotException;
import dev.iotctl.local.http.error.AlreadyExists;
import dev.iotctl.local.http.json.Fields;
import dev.iotctl.local.http.json.Json;
import dev.iotctl.local.http.server.ApiRequest;
import dev.iotctl.local.http.server.ApiResponse;
import dev.iotctl.local.http.server.Plane;
import dev.iotctl.local.http.server.Route;
import dev.iotctl.local.http.server.RouteProvider;
import dev.iotctl.local.registry.RegistryConfig;
import dev.iotctl.local.registry.TagRegistry;
import dev.iotctl.local.registry.ThingType;
import dev.iotctl.local.registry.ThingTypeRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** CreateThingType, DescribeThingType, ListThingTypes, DeprecateThingType, DeleteThingType. */
public final class ThingTypeOperations implements RouteProvider {
  private final ThingTypeRegistry types;
  private final TagRegistry tags;
  private final RegistryConfig account;

  public ThingTypeOperations(ThingTypeRegistry types, TagRegistry tags, RegistryConfig account) {
    this.types = types;
    this.tags = tags;
    this.account = account;
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.of(
            "POST", "/thing-types/{thingTypeName}", "CreateThingType", Plane.CONTROL, this::create),
        Route.of(
            "GET",
            "/thing-types/{thingTypeName}",
            "DescribeThingType",
            Plane.CONTROL,
            this::describe),
        Route.of("GET", "/thing-types", "ListThingTypes", Plane.CONTROL, this::list),
        Route.of(
            "POST",
            "/thing-types/{thingTypeName}/deprecate",
            "DeprecateThingType",
            Plane.CONTROL,
            this::deprecate),
        Route.of(
            "DELETE",
            "/thing-types/{thingTypeName}",
            "DeleteThingType",
            Plane.CONTROL,
            this::delete));
  }

  private ApiResponse create(ApiRequest request) {
    ObjectNode body = Json.parseObject(request.body());
    String name = request.path("thingTypeName");
    Optional<ObjectNode> properties = Fields.object(body, "thingTypeProperties");
    Optional<String> description =
        properties.flatMap(p -> Fields.string(p, "thingTypeDescription"));
    List<String> searchable = new ArrayList<>();
    properties
        .map(p -> p.get("searchableAttributes"))
        .filter(n -> !n.isNull())
        .ifPresent(
            n -> {
              if (!n.isArray()) {
                throw IotException.invalidRequest("searchableAttributes must be a list of strings");
              }
              n.forEach(
                  a -> {
                    if (!a.isTextual()) {
                      throw IotException.invalidRequest(
                          "searchableAttributes must be a list of strings");
                    }
                    searchable.add(a.textValue());
                  });
            });
    Optional<Map<String, String>> newTags = TagOperations.fromBody(body);
    ThingType type =
        AlreadyExists.naming(
            name,
            () -> account.arn("thingtype", name),
            () -> types.create(name, description, searchable));
    newTags.ifPresent(t -> tags.tag(type.arn(), t));
    return Responses.ok(
        Json.object()
            .put("thingTypeName", type.name())
            .put("thingTypeArn", type.arn())
            .put("thingTypeId", type.id()));
  }

  private ApiResponse describe(ApiRequest request) {
    ThingType type = types.describe(request.path("thingTypeName"));
    ObjectNode body =
        Json.object()
            .put("thingTypeName", type.name())
            .put("thingTypeId", type.id())
            .put("thingTypeArn", type.arn());
    body.set("thingTypeProperties", properties(type));
    body.set("thingTypeMetadata", metadata(type));
    return Responses.ok(body);
  }

  private ApiResponse deprecate(ApiRequest request) {
    ObjectNode body = Json.parseObject(request.body());
    boolean undo = Fields.bool(body, "undoDeprecate").orElse(false);
    types.deprecate(request.path("thingTypeName"), undo);
    return Responses.empty();
  }

  private ApiResponse delete(ApiRequest request) {
    types.delete(request.path("thingTypeName"));
    return Responses.empty();
  }

  private ApiResponse list(ApiRequest request) {
    var page =
        types.list(
            request.query("thingTypeName"),
            request.queryInt("maxResults", 1, 250).orElse(null),
            request.query("nextToken").orElse(null));
    return Responses.page(
        page,
        "thingTypes",
        "nextToken",
        (list, type) -> {
          ObjectNode item =
              list.addObject().put("thingTypeName", type.name()).put("thingTypeArn", type.arn());
          item.set("thingTypeProperties", properties(type));
          item.set("thingTypeMetadata", metadata(type));
        });
  }

  private static ObjectNode properties(ThingType type) {
    ObjectNode properties = Json.object();
    type.description().ifPresent(d -> properties.put("thingTypeDescription", d));
    var searchable = properties.putArray("searchableAttributes");
    type.searchableAttributes().forEach(searchable::add);
    return properties;
  }

  private static ObjectNode metadata(ThingType type) {
    ObjectNode metadata = Json.object().put("deprecated", type.deprecated());
    type.deprecationDate().ifPresent(d -> metadata.put("deprecationDate", Json.epochSeconds(d)));
    metadata.put("creationDate", Json.epochSeconds(type.creationDate()));
    return metadata;
  }
}
