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
import dev.iotctl.local.registry.AttributePayload;
import dev.iotctl.local.registry.RegistryConfig;
import dev.iotctl.local.registry.TagRegistry;
import dev.iotctl.local.registry.ThingGroup;
import dev.iotctl.local.registry.ThingGroupRegistry;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CreateThingGroup, DescribeThingGroup, UpdateThingGroup, DeleteThingGroup, ListThingGroups,
 * AddThingToThingGroup, RemoveThingFromThingGroup, UpdateThingGroupsForThing,
 * ListThingsInThingGroup, ListThingGroupsForThing.
 */
public final class ThingGroupOperations implements RouteProvider {
  private final ThingGroupRegistry groups;
  private final TagRegistry tags;
  private final RegistryConfig account;

  public ThingGroupOperations(ThingGroupRegistry groups, TagRegistry tags, RegistryConfig account) {
    this.groups = groups;
    this.tags = tags;
    this.account = account;
  }

  @Override
  public List<Route> routes() {
    String group = "/thing-groups/{thingGroupName}";
    return List.of(
        Route.of("POST", group, "CreateThingGroup", Plane.CONTROL, this::create),
        Route.of("GET", group, "DescribeThingGroup", Plane.CONTROL, this::describe),
        Route.of("PATCH", group, "UpdateThingGroup", Plane.CONTROL, this::update),
        Route.of("DELETE", group, "DeleteThingGroup", Plane.CONTROL, this::delete),
        Route.of("GET", "/thing-groups", "ListThingGroups", Plane.CONTROL, this::list),
        Route.of(
            "PUT",
            "/thing-groups/addThingToThingGroup",
            "AddThingToThingGroup",
            Plane.CONTROL,
            r -> membership(r, true)),
        Route.of(
            "PUT",
            "/thing-groups/removeThingFromThingGroup",
            "RemoveThingFromThingGroup",
            Plane.CONTROL,
            r -> membership(r, false)),
        Route.of(
            "PUT",
            "/thing-groups/updateThingGroupsForThing",
            "UpdateThingGroupsForThing",
            Plane.CONTROL,
            this::updateGroupsOfThing),
        Route.of("GET", group + "/things", "ListThingsInThingGroup", Plane.CONTROL, this::things),
        Route.of(
            "GET",
            "/things/{thingName}/thing-groups",
            "ListThingGroupsForThing",
            Plane.CONTROL,
            this::groupsOfThing));
  }

  private ApiResponse groupsOfThing(ApiRequest request) {
    var page =
        groups.listGroupsForThing(
            request.path("thingName"),
            request.queryInt("maxResults", 1, 250).orElse(null),
            request.query("nextToken").orElse(null));
    return Responses.page(
        page,
        "thingGroups",
        "nextToken",
        (list, ref) ->
            list.addObject().put("groupName", ref.groupName()).put("groupArn", ref.groupArn()));
  }

  private ApiResponse create(ApiRequest request) {
    ObjectNode body = Json.parseObject(request.body());
    String name = request.path("thingGroupName");
    Optional<String> parent = Fields.string(body, "parentGroupName");
    Optional<ObjectNode> properties = Fields.object(body, "thingGroupProperties");
    Optional<String> description =
        properties.flatMap(p -> Fields.string(p, "thingGroupDescription"));
    Map<String, String> attributes =
        properties
            .flatMap(p -> Fields.object(p, "attributePayload"))
            .flatMap(p -> Fields.stringMap(p, "attributes"))
            .orElse(Map.of());
    Optional<Map<String, String>> newTags = TagOperations.fromBody(body);
    ThingGroup group =
        AlreadyExists.naming(
            name,
            () -> account.arn("thinggroup", name),
            () -> groups.create(name, parent, description, attributes));
    newTags.ifPresent(t -> tags.tag(group.arn(), t));
    return Responses.ok(
        Json.object()
            .put("thingGroupName", group.name())
            .put("thingGroupArn", group.arn())
            .put("thingGroupId", group.id()));
  }

  private ApiResponse describe(ApiRequest request) {
    ThingGroup group = groups.describe(request.path("thingGroupName"));
    ObjectNode body =
        Json.object()
            .put("thingGroupName", group.name())
            .put("thingGroupId", group.id())
            .put("thingGroupArn", group.arn())
            .put("version", group.version());
    ObjectNode properties = body.putObject("thingGroupProperties");
    group.description().ifPresent(d -> properties.put("thingGroupDescription", d));
    properties
        .putObject("attributePayload")
        .set("attributes", Responses.stringMap(group.attributes()));
    ObjectNode metadata = body.putObject("thingGroupMetadata");
    group.parentGroupName().ifPresent(p -> metadata.put("parentGroupName", p));
    var chain = metadata.putArray("rootToParentThingGroups");
    group
        .rootToParent()
        .forEach(
            g -> chain.addObject().put("groupName", g.groupName()).put("groupArn", g.groupArn()));
    metadata.put("creationDate", Json.epochSeconds(group.creationDate()));
    return Responses.ok(body);
  }

  private ApiResponse update(ApiRequest request) {
    ObjectNode body = Json.parseObject(request.body());
    ObjectNode properties =
        Fields.object(body, "thingGroupProperties")
            .orElseThrow(() -> Fields.missing("thingGroupProperties"));
    Optional<String> description = Fields.string(properties, "thingGroupDescription");
    Optional<AttributePayload> attributes =
        Fields.object(properties, "attributePayload").map(ThingOperations::attributePayload);
    Long expectedVersion = Fields.integer(body, "expectedVersion").orElse(null);
    ThingGroup group =
        groups.update(request.path("thingGroupName"), description, attributes, expectedVersion);
    return Responses.ok(Json.object().put("version", group.version()));
  }

  private ApiResponse delete(ApiRequest request) {
    Long expectedVersion =
        request
            .queryInt("expectedVersion", 0, Integer.MAX_VALUE)
            .map(Integer::longValue)
            .orElse(null);
    groups.delete(request.path("thingGroupName"), expectedVersion);
    return Responses.empty();
  }

  private ApiResponse list(ApiRequest request) {
    var page =
        groups.list(
            request.query("parentGroup"),
            request.query("namePrefixFilter"),
            request.queryBoolean("recursive").orElse(true),
            request.queryInt("maxResults", 1, 250).orElse(null),
            request.query("nextToken").orElse(null));
    return Responses.page(
        page,
        "thingGroups",
        "nextToken",
        (list, g) -> list.addObject().put("groupName", g.name()).put("groupArn", g.arn()));
  }

  private ApiResponse membership(ApiRequest request, boolean add) {
    ObjectNode body = Json.parseObject(request.body());
    String group =
        Fields.string(body, "thingGroupName")
            .or(
                () ->
                    Fields.string(body, "thingGroupArn").map(arn -> nameFromArn(arn, "thinggroup")))
            .orElseThrow(
                () -> IotException.invalidRequest("thingGroupName or thingGroupArn is required"));
    String thing =
        Fields.string(body, "thingName")
            .or(() -> Fields.string(body, "thingArn").map(arn -> nameFromArn(arn, "thing")))
            .orElseThrow(() -> IotException.invalidRequest("thingName or thingArn is required"));
    if (add) {
      groups.addThing(group, thing);
    } else {
      groups.removeThing(group, thing);
    }
    return Responses.empty();
  }

  private ApiResponse updateGroupsOfThing(ApiRequest request) {
    ObjectNode body = Json.parseObject(request.body());
    String thing = Fields.requiredString(body, "thingName");
    List<String> toAdd = Fields.stringList(body, "thingGroupsToAdd").orElse(List.of());
    List<String> toRemove = Fields.stringList(body, "thingGroupsToRemove").orElse(List.of());
    Fields.bool(body, "overrideDynamicGroups"); // validated; the stand-in has no dynamic groups
    groups.updateGroupsForThing(thing, toAdd, toRemove);
    return Responses.empty();
  }

  private ApiResponse things(ApiRequest request) {
    var page =
        groups.listThings(
            request.path("thingGroupName"),
            request.queryBoolean("recursive").orElse(false),
            request.queryInt("maxResults", 1, 250).orElse(null),
            request.query("nextToken").orElse(null));
    return Responses.page(page, "things", "nextToken", (list, name) -> list.add(name));
  }

  private String nameFromArn(String arn, String type) {
    String prefix = account.arn(type, "");
    if (!arn.startsWith(prefix) || arn.length() == prefix.length()) {
      throw IotException.invalidRequest("Invalid " + type + " ARN: " + arn);
    }
    return arn.substring(prefix.length());
  }
}
