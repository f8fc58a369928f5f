package dev.iotctl.core.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotctl.core.error.IotException;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Typed reads of request members with AWS's validation messages ({@code 1 validation error
 * detected: Value 'x' at 'path' failed to satisfy constraint: …}), all as 400
 * InvalidRequestException.
 */
public final class Validation {
  private Validation() {}

  public static IotException invalid(Object value, String path, String constraint) {
    return IotException.invalidRequest(
        "1 validation error detected: Value '"
            + value
            + "' at '"
            + path
            + "' failed to satisfy constraint: "
            + constraint);
  }

  public static IotException missing(String path) {
    return IotException.invalidRequest(
        "1 validation error detected: Value null at '"
            + path
            + "' failed to satisfy constraint: Member must not be null");
  }

  static Optional<JsonNode> member(ObjectNode body, String name) {
    JsonNode node = body.get(name);
    return node == null || node.isNull() ? Optional.empty() : Optional.of(node);
  }

  public static Optional<ObjectNode> object(ObjectNode body, String name, String path) {
    return member(body, name)
        .map(
            n -> {
              if (!n.isObject()) {
                throw invalid(n, path, "Member must be an object");
              }
              return (ObjectNode) n;
            });
  }

  public static Optional<String> string(ObjectNode body, String name, String path) {
    return member(body, name)
        .map(
            n -> {
              if (!n.isTextual()) {
                throw invalid(n, path, "Member must be a string");
              }
              return n.textValue();
            });
  }

  public static Optional<Long> integer(
      ObjectNode body, String name, String path, long min, long max) {
    return member(body, name)
        .map(
            n -> {
              if (!n.isIntegralNumber() || !n.canConvertToLong()) {
                throw invalid(n, path, "Member must be an integer");
              }
              return range(n.longValue(), path, min, max);
            });
  }

  public static Optional<BigDecimal> number(ObjectNode body, String name, String path) {
    return member(body, name)
        .map(
            n -> {
              if (!n.isNumber()) {
                throw invalid(n, path, "Member must be a number");
              }
              return n.decimalValue();
            });
  }

  public static long range(long value, String path, long min, long max) {
    if (value < min) {
      throw invalid(value, path, "Member must have value greater than or equal to " + min);
    }
    if (value > max) {
      throw invalid(value, path, "Member must have value less than or equal to " + max);
    }
    return value;
  }

  /** A string matching {@code pattern} with a length within [min, max]. */
  public static String text(String value, String path, int min, int max, Pattern pattern) {
    if (value.length() < min) {
      throw invalid(value, path, "Member must have length greater than or equal to " + min);
    }
    if (value.length() > max) {
      throw invalid(value, path, "Member must have length less than or equal to " + max);
    }
    if (pattern != null && !pattern.matcher(value).matches()) {
      throw invalid(
          value, path, "Member must satisfy regular expression pattern: " + pattern.pattern());
    }
    return value;
  }

  /** At most {@code digits} digits after the decimal point, as AWS allows for percentages. */
  static BigDecimal scale(BigDecimal value, String path, int digits) {
    if (value.stripTrailingZeros().scale() > digits) {
      throw invalid(
          value.toPlainString(),
          path,
          "Member must have at most " + digits + " digits after the decimal point");
    }
    return value;
  }
}
