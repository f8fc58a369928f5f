package dev.iotctl.local.http.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotctl.core.error.IotException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** The one JSON mapper of the HTTP API, with AWS's wire conventions. */
public final class Json {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .build();

  private Json() {}

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  public static ArrayNode array() {
    return MAPPER.createArrayNode();
  }

  /** Serialises a tree to a string. */
  public static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Serialises a tree to UTF-8 bytes. */
  public static byte[] bytes(JsonNode node) {
    return write(node).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Parses a request body; an empty body is an empty object. Anything but a JSON object is AWS's
   * 400 {@code InvalidRequestException}.
   */
  public static ObjectNode parseObject(byte[] body) {
    if (body.length == 0) {
      return object();
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(body);
    } catch (IOException e) {
      throw IotException.invalidRequest("Invalid JSON: the request body could not be parsed.");
    }
    if (node == null || node.isMissingNode()) {
      return object();
    }
    if (!node.isObject()) {
      throw IotException.invalidRequest("Invalid JSON: the request body must be a JSON object.");
    }
    return (ObjectNode) node;
  }

  /**
   * An instant as the restJson wire format expects it: epoch seconds with milliseconds as the
   * fraction (the AWS CLI, boto3 and the Java SDK all parse this).
   */
  public static BigDecimal epochSeconds(Instant instant) {
    return BigDecimal.valueOf(instant.toEpochMilli(), 3);
  }
}
