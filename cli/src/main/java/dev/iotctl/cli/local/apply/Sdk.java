package dev.iotctl.cli.local.apply;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.services.iot.model.AttributePayload;
import software.amazon.awssdk.services.iot.model.ResourceNotFoundException;

/** Small helpers shared by the handlers: not-found handling and property conversion. */
final class Sdk {
  private Sdk() {}

  /** True if the call succeeds, false if the resource is not found. */
  static boolean found(Runnable describe) {
    try {
      describe.run();
      return true;
    } catch (ResourceNotFoundException e) {
      return false;
    }
  }

  /** Runs a delete, treating "not found" as already deleted. */
  static void ignoringNotFound(Runnable delete) {
    try {
      delete.run();
    } catch (ResourceNotFoundException e) {
      // already gone: the desired end state
    }
  }

  static <T> T orNull(Supplier<T> call) {
    try {
      return call.get();
    } catch (ResourceNotFoundException e) {
      return null;
    }
  }

  static String text(JsonNode properties, String field) {
    JsonNode value = properties.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  static String required(JsonNode properties, String field) {
    String value = text(properties, field);
    if (value == null) {
      throw new ApplyException("property " + field + " is required");
    }
    return value;
  }

  static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    if (array != null) {
      array.forEach(v -> values.add(v.asText()));
    }
    return values;
  }

  /** {@code {"Attributes": {...}}} as the SDK's payload, or null if absent. */
  static AttributePayload attributes(JsonNode payload) {
    if (payload == null || payload.isMissingNode()) {
      return null;
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    payload
        .path("Attributes")
        .fields()
        .forEachRemaining(e -> attributes.put(e.getKey(), e.getValue().asText()));
    return AttributePayload.builder().attributes(attributes).build();
  }
}
