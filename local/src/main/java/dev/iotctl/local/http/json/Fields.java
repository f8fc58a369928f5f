package dev.iotctl.local.http.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotctl.core.error.IotException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Typed reads of request-body members. A member of the wrong JSON type is AWS's 400 {@code
 * InvalidRequestException}, never a 500: nothing is applied before every member has been read.
 */
public final class Fields {
  private Fields() {}

  public static Optional<String> string(ObjectNode body, String name) {
    JsonNode node = body.get(name);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isTextual()) {
      throw wrongType(name, "a string");
    }
    return Optional.of(node.textValue());
  }

  public static String requiredString(ObjectNode body, String name) {
    return string(body, name).orElseThrow(() -> missing(name));
  }

  public static Optional<Boolean> bool(ObjectNode body, String name) {
    JsonNode node = body.get(name);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isBoolean()) {
      throw wrongType(name, "a boolean");
    }
    return Optional.of(node.booleanValue());
  }

  public static Optional<Long> integer(ObjectNode body, String name) {
    JsonNode node = body.get(name);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isIntegralNumber() || !node.canConvertToLong()) {
      throw wrongType(name, "an integer");
    }
    return Optional.of(node.longValue());
  }

  public static Optional<ObjectNode> object(ObjectNode body, String name) {
    JsonNode node = body.get(name);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isObject()) {
      throw wrongType(name, "an object");
    }
    return Optional.of((ObjectNode) node);
  }

  /** A string-to-string map member such as {@code attributes}. */
  public static Optional<Map<String, String>> stringMap(ObjectNode body, String name) {
    Optional<ObjectNode> node = object(body, name);
    if (node.isEmpty()) {
      return Optional.empty();
    }
    Map<String, String> map = new LinkedHashMap<>();
    var it = node.get().fields();
    while (it.hasNext()) {
      var entry = it.next();
      if (!entry.getValue().isTextual()) {
        throw wrongType(name + "." + entry.getKey(), "a string");
      }
      map.put(entry.getKey(), entry.getValue().textValue());
    }
    return Optional.of(map);
  }

  /** A list-of-strings member such as {@code thingGroupsToAdd}. */
  public static Optional<List<String>> stringList(ObjectNode body, String name) {
    JsonNode node = body.get(name);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isArray()) {
      throw wrongType(name, "a list");
    }
    List<String> list = new ArrayList<>();
    for (JsonNode element : node) {
      if (!element.isTextual()) {
        throw wrongType(name + ".member", "a string");
      }
      list.add(element.textValue());
    }
    return Optional.of(list);
  }

  private static IotException wrongType(String name, String expected) {
    return IotException.invalidRequest(
        "1 validation error detected: Value at '"
            + name
            + "' failed to satisfy constraint: Member must be "
            + expected);
  }

  /** AWS's validation error for a required member that was not sent. */
  public static IotException missing(String name) {
    return IotException.invalidRequest(
        "1 validation error detected: Value null at '"
            + name
            + "' failed to satisfy constraint: Member must not be null");
  }
}
