package dev.iotctl.cli.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.iotctl.cli.framework.CliException;
import dev.iotctl.cli.framework.ExitCodes;
import dev.iotctl.cli.framework.Json;
import dev.iotctl.cli.framework.OutputFormat;
import io.burt.jmespath.Expression;
import io.burt.jmespath.JmesPath;
import io.burt.jmespath.jackson.JacksonRuntime;
import java.io.PrintWriter;
import java.util.function.Function;

/**
 * Prints a command's result: JSON (default, for scripts; optionally filtered by a JMESPath {@code
 * --query}) or text rendered by the command for people.
 */
public final class ResultPrinter {
  private static final JmesPath<JsonNode> JMESPATH = new JacksonRuntime();

  private final PrintWriter out;
  private final OutputFormat format;
  private final String query;

  public ResultPrinter(PrintWriter out, OutputFormat format, String query) {
    this.out = out;
    this.format = format;
    this.query = query;
  }

  public void print(JsonNode result, Function<JsonNode, String> textRenderer) {
    JsonNode selected = applyQuery(result);
    if (format == OutputFormat.text) {
      out.println(query == null ? textRenderer.apply(result) : Text.render(selected));
    } else {
      out.println(pretty(selected));
    }
    out.flush();
  }

  /** Prints a document verbatim (as the service returned it) unless a query or text is asked. */
  public void printVerbatim(byte[] document, Function<JsonNode, String> textRenderer) {
    if (format == OutputFormat.json && query == null) {
      out.println(new String(document, java.nio.charset.StandardCharsets.UTF_8));
      out.flush();
      return;
    }
    try {
      print(Json.MAPPER.readTree(document), textRenderer);
    } catch (java.io.IOException e) {
      throw new CliException(ExitCodes.FAILURE, "the service returned invalid JSON");
    }
  }

  private JsonNode applyQuery(JsonNode result) {
    if (query == null) {
      return result;
    }
    Expression<JsonNode> expression;
    try {
      expression = JMESPATH.compile(query);
    } catch (RuntimeException e) {
      throw new CliException(ExitCodes.USAGE, "invalid --query: " + e.getMessage());
    }
    JsonNode selected = expression.search(result);
    return selected == null ? NullNode.getInstance() : selected;
  }

  private static String pretty(JsonNode node) {
    try {
      return Json.MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
