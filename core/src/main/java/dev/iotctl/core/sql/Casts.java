package dev.iotctl.core.sql;

import static dev.iotctl.core.sql.Values.UNDEFINED;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;

/** {@code cast(value AS type)}: the standard conversions plus numbers to and from Booleans. */
final class Casts {
  private Casts() {}

  static JsonNode cast(JsonNode v, String type, SqlVersion version) {
    return switch (type) {
      case "string", "nvarchar", "text", "ntext", "varchar" -> toText(v);
      case "int", "integer" -> toInt(v);
      case "double", "decimal" -> toDecimal(v, version);
      default -> toBoolean(v);
    };
  }

  private static JsonNode toText(JsonNode v) {
    String s = Values.toText(v);
    return s == null ? UNDEFINED : Values.nodes().textNode(s);
  }

  /** Booleans become 1/0; numbers and numeric strings are rounded down to an Int. */
  private static JsonNode toInt(JsonNode v) {
    if (v != null && v.isBoolean()) {
      return Values.integer(v.booleanValue() ? BigInteger.ONE : BigInteger.ZERO);
    }
    if (Values.isInt(v)) {
      return v;
    }
    BigInteger i = Values.floorInt(v);
    return i == null ? UNDEFINED : Values.checkedInteger(i);
  }

  private static JsonNode toDecimal(JsonNode v, SqlVersion version) {
    if (v != null && v.isBoolean()) {
      return Values.decimal(v.booleanValue() ? BigDecimal.ONE : BigDecimal.ZERO, version);
    }
    if (Values.isInt(v) && !version.atLeast2016()) {
      return Values.nodes().numberNode(new BigDecimal(v.bigIntegerValue()));
    }
    BigDecimal d = Values.toDecimal(v);
    return d == null ? UNDEFINED : Values.decimal(d, version);
  }

  /** Numbers: zero is false, anything else true; strings "true"/"false" in any case. */
  private static JsonNode toBoolean(JsonNode v) {
    if (Values.isNumber(v)) {
      BigDecimal d = Values.numberValue(v);
      return d == null ? UNDEFINED : Operators.bool(d.signum() != 0);
    }
    Boolean b = Values.toBoolean(v);
    return b == null ? UNDEFINED : Operators.bool(b);
  }
}
