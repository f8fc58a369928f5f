package dev.iotctl.core.sql;

import static dev.iotctl.core.sql.Values.UNDEFINED;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;

/** The operators of the developer guide's "Operators" page, table by table. */
final class Operators {
  private Operators() {}

  static JsonNode unary(String op, JsonNode v, SqlVersion version) {
    if (op.equals("NOT")) {
      Boolean b = Values.toBoolean(v);
      return b == null ? UNDEFINED : bool(!b);
    }
    if (Values.isInt(v)) {
      return Values.checkedInteger(v.bigIntegerValue().negate());
    }
    BigDecimal d = Values.toDecimal(v);
    return d == null ? UNDEFINED : Values.decimal(d.negate(), version);
  }

  static JsonNode binary(String op, JsonNode l, JsonNode r, SqlVersion version) {
    try {
      return switch (op) {
        case "AND", "OR" -> logical(op, l, r);
        case "=" -> {
          Boolean eq = Values.sqlEquals(l, r);
          yield eq == null ? UNDEFINED : bool(eq);
        }
        case "<>" -> {
          Boolean eq = Values.sqlEquals(l, r);
          yield eq == null ? UNDEFINED : bool(!eq);
        }
        case "<", "<=", ">", ">=" -> compare(op, l, r);
        case "IN" -> in(l, r);
        case "+" -> plus(l, r, version);
        default -> arithmetic(op, l, r, version);
      };
    } catch (ArithmeticException e) {
      return UNDEFINED;
    }
  }

  private static JsonNode logical(String op, JsonNode l, JsonNode r) {
    Boolean a = Values.toBoolean(l);
    Boolean b = Values.toBoolean(r);
    if (a == null || b == null) {
      return UNDEFINED;
    }
    return bool(op.equals("AND") ? a && b : a || b);
  }

  /** Both operands converted to Decimal, then compared; Undefined when either cannot be. */
  private static JsonNode compare(String op, JsonNode l, JsonNode r) {
    if (!numericOrString(l) || !numericOrString(r)) {
      return UNDEFINED;
    }
    BigDecimal a = Values.toDecimal(l);
    BigDecimal b = Values.toDecimal(r);
    if (a == null || b == null) {
      return UNDEFINED;
    }
    int c = a.compareTo(b);
    return bool(
        switch (op) {
          case "<" -> c < 0;
          case "<=" -> c <= 0;
          case ">" -> c > 0;
          default -> c >= 0;
        });
  }

  /** {@code x IN array}: true when an element equals x under {@code =}. */
  private static JsonNode in(JsonNode l, JsonNode r) {
    if (Values.isUndefined(l) || r == null || !r.isArray()) {
      return UNDEFINED;
    }
    for (JsonNode item : r) {
      if (Boolean.TRUE.equals(Values.sqlEquals(l, item))) {
        return bool(true);
      }
    }
    return bool(false);
  }

  /** {@code +}: string concatenation when either side is a String, otherwise addition. */
  private static JsonNode plus(JsonNode l, JsonNode r, SqlVersion version) {
    if ((l != null && l.isTextual()) || (r != null && r.isTextual())) {
      String a = Values.toText(l);
      String b = Values.toText(r);
      return a == null || b == null ? UNDEFINED : Values.nodes().textNode(a + b);
    }
    if (!Values.isNumber(l) || !Values.isNumber(r)) {
      return UNDEFINED;
    }
    return arithmetic("+", l, r, version);
  }

  /**
   * {@code + - * / %}: Int with Int gives Int; otherwise both sides are converted to Decimal
   * (numeric strings included) and the result is Decimal. Division by zero is Undefined.
   */
  static JsonNode arithmetic(String op, JsonNode l, JsonNode r, SqlVersion version) {
    if (Values.isInt(l) && Values.isInt(r)) {
      BigInteger a = l.bigIntegerValue();
      BigInteger b = r.bigIntegerValue();
      if ((op.equals("/") || op.equals("%")) && b.signum() == 0) {
        return UNDEFINED;
      }
      return Values.checkedInteger(
          switch (op) {
            case "+" -> a.add(b);
            case "-" -> a.subtract(b);
            case "*" -> a.multiply(b);
            case "/" -> a.divide(b);
            default -> a.remainder(b);
          });
    }
    if (!numericOrString(l) || !numericOrString(r)) {
      return UNDEFINED;
    }
    BigDecimal a = Values.toDecimal(l);
    BigDecimal b = Values.toDecimal(r);
    if (a == null || b == null) {
      return UNDEFINED;
    }
    if ((op.equals("/") || op.equals("%")) && b.signum() == 0) {
      return UNDEFINED;
    }
    BigDecimal result =
        switch (op) {
          case "+" -> a.add(b, Values.PRECISION);
          case "-" -> a.subtract(b, Values.PRECISION);
          case "*" -> a.multiply(b, Values.PRECISION);
          case "/" -> a.divide(b, Values.PRECISION);
          default -> a.remainder(b, Values.PRECISION);
        };
    return Values.decimal(result, version);
  }

  private static boolean numericOrString(JsonNode v) {
    return v != null && (v.isNumber() || v.isTextual());
  }

  static JsonNode bool(boolean b) {
    return Values.nodes().booleanNode(b);
  }
}
