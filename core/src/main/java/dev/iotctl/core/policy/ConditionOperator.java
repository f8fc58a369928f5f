package dev.iotctl.core.policy;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The IAM condition operators AWS IoT policies accept, each a positive comparison of one request
 * value with one policy value; the {@code Not} operators are the same comparison, negated by the
 * caller over all policy values (IAM's NOR rule).
 */
enum ConditionOperator {
  STRING_EQUALS("StringEquals", false),
  STRING_NOT_EQUALS("StringNotEquals", true),
  STRING_EQUALS_IGNORE_CASE("StringEqualsIgnoreCase", false),
  STRING_NOT_EQUALS_IGNORE_CASE("StringNotEqualsIgnoreCase", true),
  STRING_LIKE("StringLike", false),
  STRING_NOT_LIKE("StringNotLike", true),
  NUMERIC_EQUALS("NumericEquals", false),
  NUMERIC_NOT_EQUALS("NumericNotEquals", true),
  NUMERIC_LESS_THAN("NumericLessThan", false),
  NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", false),
  NUMERIC_GREATER_THAN("NumericGreaterThan", false),
  NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", false),
  DATE_EQUALS("DateEquals", false),
  DATE_NOT_EQUALS("DateNotEquals", true),
  DATE_LESS_THAN("DateLessThan", false),
  DATE_LESS_THAN_EQUALS("DateLessThanEquals", false),
  DATE_GREATER_THAN("DateGreaterThan", false),
  DATE_GREATER_THAN_EQUALS("DateGreaterThanEquals", false),
  BOOL("Bool", false),
  BINARY_EQUALS("BinaryEquals", false),
  IP_ADDRESS("IpAddress", false),
  NOT_IP_ADDRESS("NotIpAddress", true),
  ARN_EQUALS("ArnEquals", false),
  ARN_NOT_EQUALS("ArnNotEquals", true),
  ARN_LIKE("ArnLike", false),
  ARN_NOT_LIKE("ArnNotLike", true),
  NULL("Null", false);

  private static final Map<String, ConditionOperator> BY_NAME =
      Arrays.stream(values()).collect(Collectors.toMap(o -> o.jsonName, Function.identity()));

  private final String jsonName;
  private final boolean negated;

  ConditionOperator(String jsonName, boolean negated) {
    this.jsonName = jsonName;
    this.negated = negated;
  }

  static Optional<ConditionOperator> byName(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  String jsonName() {
    return jsonName;
  }

  boolean negated() {
    return negated;
  }

  /** The positive comparison of a request value with one (substituted) policy value. */
  boolean test(String actual, PolicyString expected, PolicyContext context) {
    return switch (this) {
      case STRING_EQUALS, STRING_NOT_EQUALS, BINARY_EQUALS -> actual.equals(expected.text(context));
      case STRING_EQUALS_IGNORE_CASE, STRING_NOT_EQUALS_IGNORE_CASE ->
          actual.equalsIgnoreCase(expected.text(context));
      case STRING_LIKE, STRING_NOT_LIKE -> expected.matches(actual, context, false);
      case BOOL -> actual.equalsIgnoreCase(expected.text(context));
      case NUMERIC_EQUALS, NUMERIC_NOT_EQUALS -> compareNumbers(actual, expected, context, 0, 0);
      case NUMERIC_LESS_THAN -> compareNumbers(actual, expected, context, -1, -1);
      case NUMERIC_LESS_THAN_EQUALS -> compareNumbers(actual, expected, context, -1, 0);
      case NUMERIC_GREATER_THAN -> compareNumbers(actual, expected, context, 1, 1);
      case NUMERIC_GREATER_THAN_EQUALS -> compareNumbers(actual, expected, context, 0, 1);
      case DATE_EQUALS, DATE_NOT_EQUALS -> compareDates(actual, expected, context, 0, 0);
      case DATE_LESS_THAN -> compareDates(actual, expected, context, -1, -1);
      case DATE_LESS_THAN_EQUALS -> compareDates(actual, expected, context, -1, 0);
      case DATE_GREATER_THAN -> compareDates(actual, expected, context, 1, 1);
      case DATE_GREATER_THAN_EQUALS -> compareDates(actual, expected, context, 0, 1);
      case IP_ADDRESS, NOT_IP_ADDRESS -> IpRange.contains(expected.text(context), actual);
      case ARN_EQUALS, ARN_NOT_EQUALS, ARN_LIKE, ARN_NOT_LIKE ->
          arnMatches(actual, expected, context);
      case NULL -> throw new IllegalStateException("Null is decided on key presence");
    };
  }

  private static boolean compareNumbers(
      String actual, PolicyString expected, PolicyContext context, int low, int high) {
    try {
      int c =
          new BigDecimal(actual.trim()).compareTo(new BigDecimal(expected.text(context).trim()));
      return c >= low && c <= high;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static boolean compareDates(
      String actual, PolicyString expected, PolicyContext context, int low, int high) {
    Optional<Instant> a = parseDate(actual);
    Optional<Instant> e = parseDate(expected.text(context));
    if (a.isEmpty() || e.isEmpty()) {
      return false;
    }
    int c = Integer.signum(a.get().compareTo(e.get()));
    return c >= low && c <= high;
  }

  /** ISO 8601 date-time, ISO date, or epoch seconds, as IAM's date operators accept. */
  static Optional<Instant> parseDate(String text) {
    String t = text.trim();
    try {
      if (!t.isEmpty() && t.chars().allMatch(Character::isDigit)) {
        return Optional.of(Instant.ofEpochSecond(Long.parseLong(t)));
      }
      if (t.length() == 10) {
        return Optional.of(LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant());
      }
      return Optional.of(OffsetDateTime.parse(t).toInstant());
    } catch (DateTimeParseException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** IAM ArnLike/ArnEquals: each of the six colon-separated parts is matched on its own. */
  private static boolean arnMatches(String actual, PolicyString expected, PolicyContext context) {
    int[] pattern = expected.pattern(context);
    String[] actualParts = actual.split(":", 6);
    if (actualParts.length != 6) {
      return false;
    }
    int start = 0;
    for (int part = 0; part < 6; part++) {
      int end = start;
      if (part < 5) {
        while (end < pattern.length && pattern[end] != ':') {
          end++;
        }
        if (end == pattern.length) {
          return false;
        }
      } else {
        end = pattern.length;
      }
      if (!Glob.matches(pattern, start, end, actualParts[part], false)) {
        return false;
      }
      start = end + 1;
    }
    return true;
  }

  /** CIDR containment for IPv4 and IPv6 literals; never resolves host names. */
  static final class IpRange {
    private IpRange() {}

    static boolean contains(String cidr, String address) {
      int slash = cidr.indexOf('/');
      byte[] network = parse(slash < 0 ? cidr.trim() : cidr.substring(0, slash).trim());
      byte[] candidate = parse(address.trim());
      if (network == null || candidate == null || network.length != candidate.length) {
        return false;
      }
      int bits;
      try {
        bits = slash < 0 ? network.length * 8 : Integer.parseInt(cidr.substring(slash + 1).trim());
      } catch (NumberFormatException e) {
        return false;
      }
      if (bits < 0 || bits > network.length * 8) {
        return false;
      }
      for (int i = 0; i < bits; i++) {
        int mask = 0x80 >> (i % 8);
        if ((network[i / 8] & mask) != (candidate[i / 8] & mask)) {
          return false;
        }
      }
      return true;
    }

    static byte[] parse(String literal) {
      if (literal.indexOf(':') >= 0) {
        if (!literal.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
          return null;
        }
        try {
          // A string containing ':' is only ever parsed as an IPv6 literal, never looked up.
          return InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
          return null;
        }
      }
      String[] octets = literal.split("\\.", -1);
      if (octets.length != 4) {
        return null;
      }
      byte[] bytes = new byte[4];
      for (int i = 0; i < 4; i++) {
        if (octets[i].isEmpty()
            || octets[i].length() > 3
            || !octets[i].chars().allMatch(Character::isDigit)) {
          return null;
        }
        int value = Integer.parseInt(octets[i]);
        if (value > 255) {
          return null;
        }
        bytes[i] = (byte) value;
      }
      return bytes;
    }
  }
}
