package dev.iotctl.core.shadow;

import static dev.iotctl.core.shadow.ShadowMessages.DESIRED_NOT_OBJECT;
import static dev.iotctl.core.shadow.ShadowMessages.INVALID_CLIENT_TOKEN;
import static dev.iotctl.core.shadow.ShadowMessages.INVALID_JSON;
import static dev.iotctl.core.shadow.ShadowMessages.INVALID_NODE;
import static dev.iotctl.core.shadow.ShadowMessages.INVALID_VERSION;
import static dev.iotctl.core.shadow.ShadowMessages.MISSING_STATE;
import static dev.iotctl.core.shadow.ShadowMessages.REPORTED_NOT_OBJECT;
import static dev.iotctl.core.shadow.ShadowMessages.STATE_NOT_OBJECT;
import static dev.iotctl.core.shadow.ShadowMessages.TOO_DEEP;
import static dev.iotctl.core.shadow.ShadowMessages.TOO_LARGE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotctl.core.topic.IotLimits;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A validated update request document. Each section is one of: absent (leave as is), {@code null}
 * (clear it) or an object (merge it).
 *
 * @param state the {@code state} node as sent, echoed in {@code /accepted}
 * @param version the expected current version, or {@code null} to skip the check
 */
record UpdateRequest(
    JsonNode state, Section desired, Section reported, Long version, String clientToken) {

  /** What the request does to one section. */
  record Section(boolean present, ObjectNode patch) {
    static final Section UNTOUCHED = new Section(false, null);
    static final Section CLEAR = new Section(true, null);

    boolean clears() {
      return present && patch == null;
    }
  }

  /** Parses and validates, in the order AWS reports errors; each error echoes a valid token. */
  static UpdateRequest parse(byte[] payload) {
    if (payload.length > IotLimits.PAYLOAD_MAX_BYTES) {
      throw new ShadowException(413, TOO_LARGE, null);
    }
    JsonNode doc = ShadowJson.parse(payload);
    if (!doc.isObject()) {
      throw ShadowException.badRequest(INVALID_JSON);
    }
    String token = clientToken(doc);
    try {
      Long version = version(doc.get("version"));
      if (!doc.has("state")) {
        throw ShadowException.badRequest(MISSING_STATE);
      }
      JsonNode state = doc.get("state");
      if (state.isNull()) {
        return new UpdateRequest(state, Section.CLEAR, Section.CLEAR, version, token);
      }
      if (!state.isObject()) {
        throw ShadowException.badRequest(STATE_NOT_OBJECT);
      }
      for (Map.Entry<String, JsonNode> e : state.properties()) {
        if (!e.getKey().equals("desired") && !e.getKey().equals("reported")) {
          throw ShadowException.badRequest(INVALID_NODE);
        }
      }
      Section desired = section(state.get("desired"), DESIRED_NOT_OBJECT);
      Section reported = section(state.get("reported"), REPORTED_NOT_OBJECT);
      return new UpdateRequest(state, desired, reported, version, token);
    } catch (ShadowException e) {
      throw e.withClientToken(token);
    }
  }

  /**
   * The request's client token, validated: a string of at most 64 UTF-8 bytes, else 400 "Invalid
   * clientToken".
   */
  static String clientToken(JsonNode doc) {
    JsonNode token = doc.get("clientToken");
    if (token == null) {
      return null;
    }
    if (!token.isTextual()
        || token.textValue().getBytes(StandardCharsets.UTF_8).length
            > IotLimits.SHADOW_CLIENT_TOKEN_MAX_BYTES) {
      throw ShadowException.badRequest(INVALID_CLIENT_TOKEN);
    }
    return token.textValue();
  }

  private static Long version(JsonNode version) {
    if (version == null) {
      return null;
    }
    if (!version.isIntegralNumber()) {
      throw ShadowException.badRequest(INVALID_VERSION);
    }
    BigInteger value = version.bigIntegerValue();
    if (value.signum() < 0 || value.bitLength() > 63) {
      throw ShadowException.badRequest(INVALID_VERSION);
    }
    return value.longValue();
  }

  private static Section section(JsonNode node, String notObjectMessage) {
    if (node == null) {
      return Section.UNTOUCHED;
    }
    if (node.isNull()) {
      return Section.CLEAR;
    }
    if (!node.isObject()) {
      throw ShadowException.badRequest(notObjectMessage);
    }
    if (ShadowJson.depth(node) > IotLimits.SHADOW_SECTION_MAX_DEPTH) {
      throw ShadowException.badRequest(TOO_DEEP);
    }
    if (ShadowJson.hasNullInArray(node)) {
      // "Arrays can't have null values" (Array values in shadow documents).
      throw ShadowException.badRequest(INVALID_NODE);
    }
    return new Section(true, (ObjectNode) node);
  }
}
