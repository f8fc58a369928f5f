package dev.iotctl.cdk.constructs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/** Lints a concrete IoT policy document; errors fail synthesis, warnings are annotations. */
final class PolicyLint {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Findings split by severity; messages name the statement they concern. */
  record Result(List<String> errors, List<String> warnings) {}

  private PolicyLint() {}

  /**
   * Checks the document. Throws {@link IllegalArgumentException} for a malformed document.
   *
   * <p>Minimal local rules until the core policy engine is merged: an Allow statement granting
   * every action on every resource is an error.
   */
  static Result check(String json) {
    JsonNode doc;
    try {
      doc = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
    }
    JsonNode statements = doc.path("Statement");
    if (!statements.isArray() || statements.isEmpty()) {
      throw new IllegalArgumentException("the document needs a non-empty Statement array");
    }
    List<String> errors = new ArrayList<>();
    for (int i = 0; i < statements.size(); i++) {
      JsonNode s = statements.get(i);
      if ("Allow".equals(s.path("Effect").asText())
          && any(s.path("Action"), "*", "iot:*")
          && any(s.path("Resource"), "*")) {
        errors.add("statement " + i + " allows every action on every resource");
      }
    }
    return new Result(errors, List.of());
  }

  private static boolean any(JsonNode node, String... values) {
    for (String v : values) {
      if (node.isTextual() && node.asText().equals(v)) {
        return true;
      }
      for (JsonNode n : node) {
        if (n.asText().equals(v)) {
          return true;
        }
      }
    }
    return false;
  }
}
