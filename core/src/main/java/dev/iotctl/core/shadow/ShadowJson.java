package dev.iotctl.core.shadow;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/** JSON plumbing for shadow documents: strict parsing, value equality, size and depth. */
final class ShadowJson {
  /** Numbers keep their exact text (no double rounding); duplicate keys are invalid JSON. */
  static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .build();

  private ShadowJson() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("JSON tree could not be written", e);
    }
  }

  static String string(JsonNode node) {
    return new String(bytes(node), StandardCharsets.UTF_8);
  }

  /**
   * Parses a request payload. Not UTF-8 → 415; not JSON → 400 "Invalid JSON"; nested deeper than
   * the parser allows → 400 nesting error.
   */
  static JsonNode parse(byte[] payload) {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(payload))
              .toString();
    } catch (CharacterCodingException e) {
      throw new ShadowException(415, ShadowMessages.UNSUPPORTED_ENCODING, null);
    }
    try {
      JsonNode node = MAPPER.readTree(text);
      if (node == null || node.isMissingNode()) {
        throw ShadowException.badRequest(ShadowMessages.INVALID_JSON);
      }
      return node;
    } catch (StreamConstraintsException e) {
      throw ShadowException.badRequest(ShadowMessages.TOO_DEEP);
    } catch (JsonProcessingException e) {
      throw ShadowException.badRequest(ShadowMessages.INVALID_JSON);
    }
  }

  /** Parses JSON the engine itself wrote (stored form). */
  static JsonNode parseTrusted(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a stored shadow: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Value equality as the delta sees it: numbers compare by numeric value ({@code 1}, {@code 1.0}
   * and {@code 1e0} are the same), objects by their key set regardless of order, arrays element by
   * element.
   */
  static boolean sameValue(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    if (a.isObject() && b.isObject()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = a.properties().iterator(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode other = b.get(e.getKey());
        if (other == null || !sameValue(e.getValue(), other)) {
          return false;
        }
      }
      return true;
    }
    if (a.isArray() && b.isArray()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!sameValue(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }

  /** Levels of containers: a scalar is 0, {@code {"a":1}} is 1, {@code {"a":[1]}} is 2. */
  static int depth(JsonNode node) {
    if (!node.isContainerNode()) {
      return 0;
    }
    int deepest = 0;
    for (JsonNode child : node) {
      deepest = Math.max(deepest, depth(child));
    }
    return 1 + deepest;
  }

  /** True when an array anywhere under {@code node} holds a {@code null}. */
  static boolean hasNullInArray(JsonNode node) {
    for (JsonNode child : node) {
      if (node.isArray() && child.isNull()) {
        return true;
      }
      if (child.isContainerNode() && hasNullInArray(child)) {
        return true;
      }
    }
    return false;
  }

  /** Size in UTF-8 bytes of the compact JSON text of {@code node}. */
  static int size(JsonNode node) {
    return bytes(node).length;
  }
}
