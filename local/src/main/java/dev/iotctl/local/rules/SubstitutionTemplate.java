package dev.iotctl.local.rules;

import dev.iotctl.core.sql.IotSql;
import dev.iotctl.core.sql.SqlContext;
import dev.iotctl.core.sql.SqlExpression;
import java.util.ArrayList;
import java.util.List;

/**
 * An action field with {@code ${expression}} parts, evaluated against the original payload (not the
 * SELECT's aliases), as the developer guide's "Substitution templates" describes.
 */
final class SubstitutionTemplate {
  private final List<String> literals = new ArrayList<>();
  private final List<SqlExpression> expressions = new ArrayList<>();

  SubstitutionTemplate(String template, String sqlVersion) {
    int pos = 0;
    while (true) {
      int start = template.indexOf("${", pos);
      if (start < 0) {
        literals.add(template.substring(pos));
        return;
      }
      int end = closingBrace(template, start + 2);
      literals.add(template.substring(pos, start));
      expressions.add(IotSql.parseExpression(template.substring(start + 2, end), sqlVersion));
      pos = end + 1;
    }
  }

  /** The closing brace of a substitution, skipping braces of object literals and in strings. */
  private static int closingBrace(String s, int from) {
    int depth = 0;
    char quote = 0;
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '{') {
        depth++;
      } else if (c == '}') {
        if (depth-- == 0) {
          return i;
        }
      }
    }
    throw dev.iotctl.core.error.IotException.invalidRequest(
        "Unterminated substitution template in: " + s);
  }

  String render(byte[] payload, SqlContext ctx) {
    StringBuilder out = new StringBuilder(literals.get(0));
    for (int i = 0; i < expressions.size(); i++) {
      out.append(expressions.get(i).evaluateToString(payload, ctx)).append(literals.get(i + 1));
    }
    return out.toString();
  }
}
