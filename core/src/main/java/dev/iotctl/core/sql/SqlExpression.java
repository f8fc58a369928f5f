package dev.iotctl.core.sql;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A lone expression, as inside a substitution template {@code ${...}}: it sees the original payload
 * (not the SELECT's aliases), functions and operators.
 */
public final class SqlExpression {
  private final Expr expr;
  private final SqlVersion version;

  SqlExpression(Expr expr, SqlVersion version) {
    this.expr = expr;
    this.version = version;
  }

  /**
   * The value on one message; {@link com.fasterxml.jackson.databind.node.MissingNode} if Undefined.
   */
  public JsonNode evaluate(byte[] payload, SqlContext ctx) {
    byte[] bytes = payload == null ? new byte[0] : payload;
    JsonNode json = Payloads.parseJson(bytes);
    Scope scope =
        json != null && json.isObject()
            ? new Scope(json, json, bytes, ctx, version)
            : new Scope(null, Values.nodes().binaryNode(bytes), bytes, ctx, version);
    return Evaluator.eval(expr, scope);
  }

  /** The value as a template substitutes it: its string form, empty for Undefined and Null. */
  public String evaluateToString(byte[] payload, SqlContext ctx) {
    String s = Values.toText(evaluate(payload, ctx));
    return s == null ? "" : s;
  }
}
