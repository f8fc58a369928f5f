package dev.iotctl.core.sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.BinaryNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Reading message payloads as the rules engine sees them, and writing results back to bytes. */
final class Payloads {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .nodeFactory(Values.nodes())
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private Payloads() {}

  /** The JSON value in {@code bytes}, or null when they are not exactly one JSON value. */
  static JsonNode parseJson(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      return null;
    }
    try {
      JsonNode node = MAPPER.readTree(bytes);
      return node == null || node.isMissingNode() ? null : node;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * The bytes a result is published as: raw bytes for a binary result, nothing for Undefined, and
   * otherwise the JSON text.
   */
  static byte[] toBytes(JsonNode result) {
    if (result == null || result.isMissingNode()) {
      return new byte[0];
    }
    if (result instanceof BinaryNode binary) {
      return binary.binaryValue();
    }
    try {
      return MAPPER.writeValueAsBytes(result);
    } catch (JsonProcessingException e) {
      return Values.toJson(result).getBytes(StandardCharsets.UTF_8);
    }
  }
}
