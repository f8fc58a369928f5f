package dev.iotctl.core.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Shared helpers: run a statement on a JSON payload in a fixed context. */
final class SqlTesting {
  static final ObjectMapper JSON = new ObjectMapper();
  static final SqlContext CTX =
      new SqlContext(
          "topic/subtopic",
          "client-1",
          "ba67293af50bf2506f5f93469686da660c7c844e7b3950bfb16813e0d31e9373",
          1481825251155L,
          () -> "123a4567-b89c-12d3-e456-789012345000",
          "123456789012",
          "12345678-1234-1234-1234-123456789012");

  private SqlTesting() {}

  static Optional<JsonNode> run(String sql, String payload) {
    return run(sql, payload, CTX);
  }

  static Optional<JsonNode> run(String sql, String payload, SqlContext ctx) {
    return IotSql.parse(sql).evaluate(payload.getBytes(StandardCharsets.UTF_8), ctx);
  }

  /** The output of a statement that must match, as compact JSON text. */
  static String out(String sql, String payload) {
    return run(sql, payload).map(JsonNode::toString).orElseThrow();
  }

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** The value of one expression on a payload; "<undefined>" when Undefined. */
  static String value(String expression, String payload) {
    JsonNode v =
        run("SELECT VALUE " + expression + " FROM 'topic/subtopic'", payload).orElseThrow();
    return v.isMissingNode() ? "<undefined>" : v.toString();
  }

  static String value(String expression) {
    return value(expression, "{}");
  }
}
