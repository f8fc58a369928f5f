package dev.iotctl.core.shadow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test helpers: JSON text to trees and bytes. */
final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  static JsonNode tree(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode tree(byte[] json) {
    return tree(new String(json, StandardCharsets.UTF_8));
  }

  /** The tree as a reader of the JSON text sees it (number node types normalised). */
  static JsonNode reparse(JsonNode node) {
    return tree(node.toString());
  }

  static ObjectNode object(String json) {
    return (ObjectNode) tree(json);
  }

  static byte[] bytes(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }
}
