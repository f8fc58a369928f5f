package dev.iotctl.local.http.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotctl.local.http.json.Json;
import dev.iotctl.local.http.server.ApiResponse;
import dev.iotctl.local.store.Page;
import java.util.Map;
import java.util.function.BiConsumer;

/** Small helpers shared by the control-plane operations to build AWS's response shapes. */
final class Responses {
  private Responses() {}

  static ApiResponse ok(ObjectNode body) {
    return ApiResponse.json(Json.bytes(body));
  }

  static ApiResponse empty() {
    return ok(Json.object());
  }

  static ObjectNode stringMap(Map<String, String> map) {
    ObjectNode node = Json.object();
    map.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> node.put(e.getKey(), e.getValue()));
    return node;
  }

  /**
   * {@code {listName: [...], tokenName: next}} for a page; the token is absent on the last page.
   */
  static <T> ApiResponse page(
      Page<T> page,
      String listName,
      String tokenName,
      BiConsumer<com.fasterxml.jackson.databind.node.ArrayNode, T> add) {
    ObjectNode body = Json.object();
    var list = body.putArray(listName);
    page.items().forEach(item -> add.accept(list, item));
    page.nextToken().ifPresent(token -> body.put(tokenName, token));
    return ok(body);
  }
}
