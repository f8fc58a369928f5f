package dev.iotctl.core.sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rule engine's data types over Jackson nodes, and AWS's standard conversions between them
 * (developer guide, "Data types" / "Conversions"). {@code Undefined} is {@link MissingNode}; Int is
 * an integral node; Decimal a floating-point node (kept as {@link BigDecimal}, 34 digits).
 */
final class Values {
  /** AWS: "Int: 34 digits maximum"; "Decimal: precision of 34 digits". */
  static final int MAX_INT_DIGITS = 34;

  static final MathContext PRECISION = MathContext.DECIMAL128;
  static final JsonNode UNDEFINED = MissingNode.getInstance();

  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern DECIMAL_STRING = Pattern.compile("^-?\\d+(\\.\\d+)?((?i)E-?\\d+)?$");

  private Values() {}

  static JsonNodeFactory nodes() {
    return NODES;
  }

  static boolean isUndefined(JsonNode v) {
    return v == null || v.isMissingNode();
  }

  static boolean isInt(JsonNode v) {
    return v != null && v.isIntegralNumber();
  }

  static boolean isDecimal(JsonNode v) {
    return v != null && v.isFloatingPointNumber();
  }

  static boolean isNumber(JsonNode v) {
    return v != null && v.isNumber();
  }

  /** AWS's magnitude limits: a Decimal is at most 9.999...E999 and at least 1E-999 when nonzero. */
  static boolean inDecimalRange(BigDecimal d) {
    if (d.signum() == 0) {
      return true;
    }
    long exponent = (long) d.precision() - d.scale() - 1;
    return exponent <= 999 && exponent >= -999;
  }

  static JsonNode integer(BigInteger i) {
    if (i.bitLength() < 32) {
      return NODES.numberNode(i.intValue());
    }
    if (i.bitLength() < 64) {
      return NODES.numberNode(i.longValue());
    }
    return NODES.numberNode(i);
  }

  /**
   * A computed Decimal: Undefined outside AWS's range; in 2016-03-23 a whole number becomes an Int
   * ("numeric values that are whole numbers, such as 10.0, are processed as an Int value").
   */
  static JsonNode decimal(BigDecimal d, SqlVersion version) {
    BigDecimal rounded = d.round(PRECISION);
    if (!inDecimalRange(rounded)) {
      return UNDEFINED;
    }
    if (version.atLeast2016() && isWhole(rounded) && wholeDigits(rounded) <= MAX_INT_DIGITS) {
      return integer(rounded.toBigIntegerExact());
    }
    return NODES.numberNode(rounded);
  }

  /** A result of a double-precision function: Undefined for NaN and infinities. */
  static JsonNode dbl(double d, SqlVersion version) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return UNDEFINED;
    }
    return decimal(new BigDecimal(Double.toString(d)), version);
  }

  private static boolean isWhole(BigDecimal d) {
    return d.signum() == 0 || d.scale() <= 0 || d.stripTrailingZeros().scale() <= 0;
  }

  private static long wholeDigits(BigDecimal d) {
    return d.signum() == 0 ? 1 : (long) d.precision() - d.scale();
  }

  /** Int or Int-valued result; Undefined past 34 digits. */
  static JsonNode checkedInteger(BigInteger i) {
    return i.abs().toString().length() > MAX_INT_DIGITS ? UNDEFINED : integer(i);
  }

  // ---- standard conversions --------------------------------------------------------------

  /** "To decimal": numbers as they are, numeric strings parsed; everything else null. */
  static BigDecimal toDecimal(JsonNode v) {
    if (isNumber(v)) {
      return numberValue(v);
    }
    if (v != null && v.isTextual()) {
      return parseDecimal(v.textValue());
    }
    return null;
  }

  static BigDecimal numberValue(JsonNode v) {
    if (v.isIntegralNumber()) {
      return new BigDecimal(v.bigIntegerValue());
    }
    if (v.isBigDecimal()) {
      BigDecimal d = v.decimalValue();
      return inDecimalRange(d) ? d : null;
    }
    double d = v.doubleValue();
    return Double.isFinite(d) ? new BigDecimal(Double.toString(d)) : null;
  }

  /** Parses strings matching AWS's pattern {@code ^-?\d+(\.\d+)?((?i)E-?\d+)?$}. */
  static BigDecimal parseDecimal(String s) {
    if (s.length() > 1100 || !DECIMAL_STRING.matcher(s).matches()) {
      return null;
    }
    try {
      BigDecimal d = new BigDecimal(s);
      return inDecimalRange(d) ? d : null;
    } catch (NumberFormatException | ArithmeticException e) {
      return null;
    }
  }

  /** "To int": Int as is, Decimal rounded to the nearest Int, strings parsed then truncated. */
  static BigInteger toInt(JsonNode v) {
    if (isInt(v)) {
      return v.bigIntegerValue();
    }
    if (isDecimal(v)) {
      BigDecimal d = numberValue(v);
      return d == null ? null : d.setScale(0, RoundingMode.HALF_UP).toBigInteger();
    }
    BigDecimal d = toDecimal(v);
    return d == null ? null : d.setScale(0, RoundingMode.DOWN).toBigInteger();
  }

  /** Rounds down (toward negative infinity) to an Int, as cast and several functions do. */
  static BigInteger floorInt(JsonNode v) {
    BigDecimal d = toDecimal(v);
    return d == null ? null : d.setScale(0, RoundingMode.FLOOR).toBigInteger();
  }

  /** "To Boolean": booleans, and the strings "true"/"false" in any case. */
  static Boolean toBoolean(JsonNode v) {
    if (v == null) {
      return null;
    }
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    if (v.isTextual()) {
      String s = v.textValue().toLowerCase(Locale.ROOT);
      if (s.equals("true")) {
        return true;
      }
      if (s.equals("false")) {
        return false;
      }
    }
    return null;
  }

  /** "To string": Null and Undefined have no string; arrays and objects serialize to JSON. */
  static String toText(JsonNode v) {
    if (v == null || v.isMissingNode() || v.isNull()) {
      return null;
    }
    if (v.isTextual()) {
      return v.textValue();
    }
    if (v.isIntegralNumber()) {
      return v.bigIntegerValue().toString();
    }
    if (v.isNumber()) {
      BigDecimal d = numberValue(v);
      return d == null ? null : d.toString();
    }
    if (v.isBoolean()) {
      return v.booleanValue() ? "true" : "false";
    }
    if (v.isBinary()) {
      return new String(
          ((com.fasterxml.jackson.databind.node.BinaryNode) v).binaryValue(),
          java.nio.charset.StandardCharsets.UTF_8);
    }
    return toJson(v);
  }

  static String toJson(JsonNode v) {
    try {
      return JSON.writeValueAsString(v);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  // ---- equality ------------------------------------------------------------------------------

  /**
   * The {@code =} operator: null when either side is Undefined; numbers compare by value (Int
   * converted to Decimal); arrays in order; objects regardless of key order; mismatched types are
   * unequal.
   */
  static Boolean sqlEquals(JsonNode a, JsonNode b) {
    if (isUndefined(a) || isUndefined(b)) {
      return null;
    }
    return deepEquals(a, b);
  }

  private static boolean deepEquals(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      BigDecimal x = numberValue(a);
      BigDecimal y = numberValue(b);
      return x != null && y != null && x.compareTo(y) == 0;
    }
    if (a.getNodeType() != b.getNodeType()) {
      return false;
    }
    if (a.isArray()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!deepEquals(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a.isObject()) {
      if (a.size() != b.size()) {
        return false;
      }
      Iterator<Map.Entry<String, JsonNode>> fields = a.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> f = fields.next();
        JsonNode other = b.get(f.getKey());
        if (other == null || !deepEquals(f.getValue(), other)) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }
}
