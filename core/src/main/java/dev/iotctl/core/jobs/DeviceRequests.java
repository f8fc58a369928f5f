package dev.iotctl.core.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parses the bodies of the Jobs device API's requests (MQTT payloads and data-plane bodies share
 * member names). Every problem is a {@link JobsException}: InvalidJson for anything but a UTF-8
 * JSON object, InvalidRequest for a member of the wrong type or value.
 */
public final class DeviceRequests {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern CLIENT_TOKEN = Pattern.compile("[\\x21-\\x7E]{1,64}");

  private DeviceRequests() {}

  /** The request body of an MQTT request, with its client token when valid. */
  public record Body(ObjectNode json, Optional<String> clientToken) {}

  /** StartNextPendingJobExecution's members. */
  public record StartNext(
      Optional<Map<String, String>> statusDetails, Optional<Long> stepTimeoutInMinutes) {}

  /** UpdateJobExecution's members. */
  public record Update(
      ExecutionUpdate update, boolean includeJobExecutionState, boolean includeJobDocument) {}

  /** DescribeJobExecution's members. */
  public record Describe(Optional<Long> executionNumber, boolean includeJobDocument) {}

  /**
   * Parses a payload; an empty payload is an empty object.
   *
   * @throws JobsException InvalidJson, or InvalidRequest for a bad client token
   */
  public static Body parse(byte[] payload) {
    if (payload.length == 0) {
      return new Body(JSON.createObjectNode(), Optional.empty());
    }
    JsonNode node;
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(payload));
      node = JSON.readTree(payload);
    } catch (IOException e) {
      throw new JobsException(JobsErrorCode.INVALID_JSON, "Payload is not valid UTF-8 JSON.");
    }
    if (node == null || !node.isObject()) {
      throw new JobsException(JobsErrorCode.INVALID_JSON, "Payload must be a JSON object.");
    }
    ObjectNode body = (ObjectNode) node;
    return new Body(body, clientToken(body));
  }

  /** The client token of a payload that may not even be JSON, for echoing in a rejection. */
  public static Optional<String> clientTokenOf(byte[] payload) {
    try {
      JsonNode node = JSON.readTree(payload);
      return node != null && node.isObject() ? clientToken((ObjectNode) node) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> clientToken(ObjectNode body) {
    JsonNode token = body.get("clientToken");
    if (token == null || token.isNull()) {
      return Optional.empty();
    }
    if (!token.isTextual() || !CLIENT_TOKEN.matcher(token.textValue()).matches()) {
      throw JobsException.invalid(
          "clientToken must be 1-64 printable ASCII characters without spaces");
    }
    return Optional.of(token.textValue());
  }

  public static StartNext startNext(ObjectNode body) {
    return new StartNext(details(body), longMember(body, "stepTimeoutInMinutes"));
  }

  public static Update update(ObjectNode body) {
    JsonNode status = body.get("status");
    if (status == null || status.isNull()) {
      throw JobsException.invalid("status is required");
    }
    ExecutionStatus parsed =
        status.isTextual()
            ? ExecutionStatus.parse(status.textValue())
                .orElseThrow(() -> JobsException.invalid("Unknown status: " + status))
            : null;
    if (parsed == null) {
      throw JobsException.invalid("status must be a string");
    }
    return new Update(
        new ExecutionUpdate(
            parsed,
            details(body),
            longMember(body, "expectedVersion"),
            longMember(body, "executionNumber"),
            longMember(body, "stepTimeoutInMinutes")),
        bool(body, "includeJobExecutionState").orElse(false),
        bool(body, "includeJobDocument").orElse(false));
  }

  /**
   * MQTT DescribeJobExecution: the document is included unless {@code includeJobDocument} is false.
   */
  public static Describe describe(ObjectNode body) {
    return new Describe(
        longMember(body, "executionNumber"), bool(body, "includeJobDocument").orElse(true));
  }

  private static Optional<Map<String, String>> details(ObjectNode body) {
    JsonNode node = body.get("statusDetails");
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isObject()) {
      throw JobsException.invalid("statusDetails must be an object of strings");
    }
    Map<String, String> details = new LinkedHashMap<>();
    var fields = node.fields();
    while (fields.hasNext()) {
      var e = fields.next();
      if (!e.getValue().isTextual()) {
        throw JobsException.invalid(
            "statusDetails values must be strings: " + e.getKey() + " is " + e.getValue());
      }
      details.put(e.getKey(), e.getValue().textValue());
    }
    return Optional.of(StatusDetails.validate(details));
  }

  private static Optional<Long> longMember(ObjectNode body, String name) {
    JsonNode node = body.get(name);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isIntegralNumber() || !node.canConvertToLong()) {
      throw JobsException.invalid(name + " must be an integer");
    }
    return Optional.of(node.longValue());
  }

  private static Optional<Boolean> bool(ObjectNode body, String name) {
    JsonNode node = body.get(name);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isBoolean()) {
      throw JobsException.invalid(name + " must be a boolean");
    }
    return Optional.of(node.booleanValue());
  }
}
