package dev.iotctl.cli.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.iotctl.cli.framework.CliException;
import dev.iotctl.cli.framework.ExitCodes;
import dev.iotctl.cli.framework.Json;
import dev.iotctl.cli.framework.OutputFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Prints a command's result as the AWS CLI would: {@code --query} applied first, then JSON (the
 * default, 4-space indent), text, table or YAML. A query that selects nothing prints {@code null}
 * (text: {@code None}; table: nothing), exit 0.
 */
public final class ResultPrinter {
  /** The width the AWS CLI assumes when it cannot ask the terminal (output piped). */
  static final int DEFAULT_WIDTH = 80;

  private final PrintWriter out;
  private final OutputFormat format;
  private final String query;
  private final String title;

  public ResultPrinter(PrintWriter out, OutputFormat format, String query, String title) {
    this.out = out;
    this.format = format;
    this.query = query;
    this.title = title;
  }

  public void print(JsonNode result) {
    JsonNode selected = query == null ? result : Query.compile(query).search(result);
    String text =
        switch (format) {
          case json -> pretty(selected);
          case text -> AwsText.render(selected);
          case table -> AwsTable.render(title, selected, DEFAULT_WIDTH);
          case yaml -> AwsYaml.render(selected);
        };
    out.print(text);
    out.flush();
  }

  /**
   * Prints a document verbatim (as the service returned it) unless a query or a format is asked.
   */
  public void printVerbatim(byte[] document) {
    if (format == OutputFormat.json && query == null) {
      out.println(new String(document, StandardCharsets.UTF_8));
      out.flush();
      return;
    }
    try {
      print(Json.MAPPER.readTree(document));
    } catch (IOException e) {
      throw new CliException(ExitCodes.FAILURE, "the service returned invalid JSON");
    }
  }

  private static String pretty(JsonNode node) {
    try {
      return Json.PRETTY.writeValueAsString(node) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
