package dev.iotctl.local.http.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotctl.core.error.IotException;
import dev.iotctl.local.http.json.Fields;
import dev.iotctl.local.http.json.Json;
import dev.iotctl.local.http.server.ApiRequest;
import dev.iotctl.local.http.server.ApiResponse;
import dev.iotctl.local.http.server.Plane;
import dev.iotctl.local.http.server.Route;
import dev.iotctl.local.http.server.RouteProvider;
import dev.iotctl.local.registry.TagRegistry;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * TagResource, UntagResource, ListTagsForResource, and the {@code tags} that CreateThingType,
 * CreateThingGroup and CreatePolicy take in their body and CreateTopicRule in its {@code
 * x-amz-tagging} header.
 */
public final class TagOperations implements RouteProvider {
  private final TagRegistry tags;

  public TagOperations(TagRegistry tags) {
    this.tags = tags;
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.of("POST", "/tags", "TagResource", Plane.CONTROL, this::tag),
        Route.of("POST", "/untag", "UntagResource", Plane.CONTROL, this::untag),
        Route.of("GET", "/tags", "ListTagsForResource", Plane.CONTROL, this::list));
  }

  private ApiResponse tag(ApiRequest request) {
    ObjectNode body = Json.parseObject(request.body());
    String arn = Fields.requiredString(body, "resourceArn");
    Map<String, String> list = fromBody(body).orElseThrow(() -> Fields.missing("tags"));
    tags.tag(arn, list);
    return Responses.empty();
  }

  private ApiResponse untag(ApiRequest request) {
    ObjectNode body = Json.parseObject(request.body());
    String arn = Fields.requiredString(body, "resourceArn");
    List<String> keys =
        Fields.stringList(body, "tagKeys").orElseThrow(() -> Fields.missing("tagKeys"));
    tags.untag(arn, keys);
    return Responses.empty();
  }

  private ApiResponse list(ApiRequest request) {
    String arn = request.query("resourceArn").orElseThrow(() -> Fields.missing("resourceArn"));
    var page = tags.list(arn, null, request.query("nextToken").orElse(null));
    return Responses.page(
        page,
        "tags",
        "nextToken",
        (list, tag) -> list.addObject().put("Key", tag.key()).put("Value", tag.value()));
  }

  /**
   * The {@code tags} member of a Create request ({@code [{"Key": k, "Value": v}]}), checked against
   * AWS's tag rules so that a bad tag fails the request before anything is created.
   */
  static Optional<Map<String, String>> fromBody(ObjectNode body) {
    JsonNode node = body.get("tags");
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isArray()) {
      throw IotException.invalidRequest(
          "1 validation error detected: Value at 'tags' failed to satisfy constraint: Member must"
              + " be a list");
    }
    Map<String, String> tags = new LinkedHashMap<>();
    for (JsonNode element : node) {
      if (!element.isObject()) {
        throw IotException.invalidRequest("Each tag must be an object with Key and Value.");
      }
      String key = Fields.requiredString((ObjectNode) element, "Key");
      String value = Fields.string((ObjectNode) element, "Value").orElse("");
      tags.put(key, value);
    }
    TagRegistry.validate(tags);
    return Optional.of(tags);
  }

  /**
   * CreateTopicRule's {@code x-amz-tagging} header: {@code key1=value1&key2=value2}, URL-encoded.
   */
  static Optional<Map<String, String>> fromTaggingHeader(ApiRequest request) {
    Optional<String> header = request.header("x-amz-tagging").filter(h -> !h.isEmpty());
    if (header.isEmpty()) {
      return Optional.empty();
    }
    Map<String, String> tags = new LinkedHashMap<>();
    for (String pair : header.get().split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      try {
        tags.put(
            URLDecoder.decode(key, StandardCharsets.UTF_8),
            URLDecoder.decode(value, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        throw IotException.invalidRequest("The x-amz-tagging header is not valid: " + pair);
      }
    }
    TagRegistry.validate(tags);
    return Optional.of(tags);
  }
}
