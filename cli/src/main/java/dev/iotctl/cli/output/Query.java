package dev.iotctl.cli.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.iotctl.cli.framework.CliException;
import dev.iotctl.cli.framework.ExitCodes;
import io.burt.jmespath.Expression;
import io.burt.jmespath.JmesPath;
import io.burt.jmespath.jackson.JacksonRuntime;

/**
 * {@code --query} in the AWS CLI's JMESPath dialect. The AWS CLI (Python's jmespath) also accepts a
 * backtick literal that is not JSON as a string, so {@code [?attributes.room==`kitchen`]} works
 * there; this rewrites such literals to JSON strings before compiling. A query that selects nothing
 * yields {@code null}; a query that does not parse is a usage error (exit 2) with the parser's
 * message.
 */
public final class Query {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static JmesPath<JsonNode> runtime;

  private final Expression<JsonNode> expression;

  private Query(Expression<JsonNode> expression) {
    this.expression = expression;
  }

  public static Query compile(String query) {
    try {
      return new Query(runtime().compile(withJsonLiterals(query)));
    } catch (RuntimeException e) {
      throw new CliException(
          ExitCodes.USAGE,
          "Bad value for --query " + query + ": " + e.getMessage().strip(),
          "see https://jmespath.org for the syntax");
    }
  }

  public JsonNode search(JsonNode input) {
    JsonNode result = expression.search(input);
    return result == null || result.isMissingNode() ? NullNode.getInstance() : result;
  }

  private static synchronized JmesPath<JsonNode> runtime() {
    if (runtime == null) {
      runtime = new JacksonRuntime();
    }
    return runtime;
  }

  /**
   * Rewrites {@code `text`} literals that are not valid JSON into JSON strings, leaving quoted
   * identifiers ({@code "..."}) and raw strings ({@code '...'}) alone.
   */
  static String withJsonLiterals(String query) {
    StringBuilder out = new StringBuilder(query.length() + 8);
    int i = 0;
    while (i < query.length()) {
      char c = query.charAt(i);
      if (c == '"' || c == '\'') {
        int end = closing(query, i, c);
        out.append(query, i, end);
        i = end;
      } else if (c == '`') {
        int end = closing(query, i, '`');
        if (end > query.length() || query.charAt(end - 1) != '`' || end - 1 == i) {
          out.append(query, i, Math.min(end, query.length()));
          i = end;
          continue;
        }
        String body = query.substring(i + 1, end - 1).replace("\\`", "`");
        out.append('`').append(isJson(body) ? escape(body) : escape(quoted(body))).append('`');
        i = end;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /** Index just after the delimiter that closes the one at {@code start} (backslash escapes). */
  private static int closing(String s, int start, char delimiter) {
    int i = start + 1;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\\') {
        i += 2;
      } else if (c == delimiter) {
        return i + 1;
      } else {
        i++;
      }
    }
    return s.length();
  }

  private static boolean isJson(String text) {
    try {
      JSON.readTree(text);
      return !text.isBlank();
    } catch (JsonProcessingException e) {
      return false;
    }
  }

  private static String quoted(String text) {
    return TextNode.valueOf(text.stripLeading()).toString();
  }

  private static String escape(String literal) {
    return literal.replace("`", "\\`");
  }
}
