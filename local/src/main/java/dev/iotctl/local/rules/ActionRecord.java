package dev.iotctl.local.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Base64;
import java.util.Optional;

/**
 * One line of {@code actions.jsonl}: what a rule action other than republish would have sent to
 * another AWS service. A JSON payload is kept as JSON ({@code payload}); anything else as {@code
 * payloadBase64}.
 */
public record ActionRecord(
    String rule, String actionType, String target, byte[] payload, long timestampMillis) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The JSON line, without its newline. */
  public String toJsonLine() {
    ObjectNode line = JSON.createObjectNode();
    line.put("rule", rule);
    line.put("actionType", actionType);
    line.put("target", target);
    JsonNode json = parseJson(payload);
    if (json != null) {
      line.set("payload", json);
    } else {
      line.put("payloadBase64", Base64.getEncoder().encodeToString(payload));
    }
    line.put("timestamp", timestampMillis);
    return line.toString();
  }

  /** Reads a line written by {@link #toJsonLine}; empty when it is not one. */
  public static Optional<ActionRecord> parse(String line) {
    JsonNode json;
    try {
      json = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
    if (json == null || !json.isObject() || !json.path("rule").isTextual()) {
      return Optional.empty();
    }
    byte[] payload;
    if (json.has("payloadBase64")) {
      try {
        payload = Base64.getDecoder().decode(json.path("payloadBase64").asText());
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    } else {
      payload = json.path("payload").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
    return Optional.of(
        new ActionRecord(
            json.path("rule").asText(),
            json.path("actionType").asText(),
            json.path("target").asText(),
            payload,
            json.path("timestamp").asLong()));
  }

  private static JsonNode parseJson(byte[] payload) {
    if (payload.length == 0) {
      return null;
    }
    try {
      return JSON.readTree(payload);
    } catch (IOException e) {
      return null;
    }
  }
}
