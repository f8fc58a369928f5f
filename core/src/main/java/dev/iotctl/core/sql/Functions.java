package dev.iotctl.core.sql;

import static dev.iotctl.core.sql.Values.UNDEFINED;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The built-in functions of the developer guide's "Functions" page. Each gets its evaluated
 * arguments; a wrong argument count or type gives Undefined, as AWS documents.
 */
final class Functions {

  /** What the parser needs to know about a function name. */
  record Descriptor(boolean since2016, boolean external) {}

  private interface Impl {
    JsonNode apply(List<JsonNode> args, Scope s);
  }

  private record Fn(Descriptor descriptor, int minArgs, int maxArgs, Impl impl) {}

  private static final Map<String, Fn> FUNCTIONS = new HashMap<>();

  private Functions() {}

  static Descriptor describe(String name) {
    Fn fn = FUNCTIONS.get(name);
    return fn == null ? null : fn.descriptor();
  }

  static JsonNode call(Expr.Call call, Scope s) {
    Fn fn = FUNCTIONS.get(call.name());
    int n = call.args().size();
    if (fn == null || fn.descriptor().external() || n < fn.minArgs() || n > fn.maxArgs()) {
      return UNDEFINED;
    }
    if (call.name().equals("encode")) {
      return encode(call, s);
    }
    List<JsonNode> args = new ArrayList<>(n);
    for (Expr arg : call.args()) {
      args.add(Evaluator.eval(arg, s));
    }
    try {
      JsonNode result = fn.impl().apply(args, s);
      return result == null ? UNDEFINED : result;
    } catch (RuntimeException | StackOverflowError e) {
      // Invalid arguments (bad regex, bad pattern, overflow...) give Undefined, never an error.
      return UNDEFINED;
    }
  }

  // ---- registry ----------------------------------------------------------------------------

  private static void def(String name, int min, int max, Impl impl) {
    FUNCTIONS.put(name, new Fn(new Descriptor(false, false), min, max, impl));
  }

  private static void def2016(String name, int min, int max, Impl impl) {
    FUNCTIONS.put(name, new Fn(new Descriptor(true, false), min, max, impl));
  }

  /** Functions that call other AWS services: recognised, but the stand-in cannot run them. */
  private static void external(String name, boolean since2016) {
    FUNCTIONS.put(
        name, new Fn(new Descriptor(since2016, true), 0, Integer.MAX_VALUE, (a, s) -> UNDEFINED));
  }

  static {
    external("aws_lambda", false);
    external("machinelearning_predict", false);
    external("get_dynamodb", true);
    external("get_secret", true);
    external("get_thing_shadow", true);
    external("get_registry_data", true);

    // context
    def("topic", 0, 1, Functions::topic);
    def("clientid", 0, 0, (a, s) -> text(s.context().clientId()));
    def("principal", 0, 0, (a, s) -> text(s.context().principal()));
    def("accountid", 0, 0, (a, s) -> text(s.context().accountId()));
    def("traceid", 0, 0, (a, s) -> text(s.context().traceId()));
    def(
        "timestamp",
        0,
        0,
        (a, s) -> Values.integer(BigInteger.valueOf(s.context().timestampMillis())));
    def("newuuid", 0, 0, (a, s) -> text(s.context().uuidSupplier().get()));
    def("sql_version", 0, 0, (a, s) -> text(s.version().label()));
    def("rand", 0, 0, (a, s) -> Values.dbl(ThreadLocalRandom.current().nextDouble(), s.version()));

    // type tests
    def("isnull", 1, 1, (a, s) -> Operators.bool(a.get(0).isNull()));
    def2016("isundefined", 1, 1, (a, s) -> Operators.bool(Values.isUndefined(a.get(0))));
    def(
        "nanvl",
        2,
        2,
        (a, s) -> a.get(0).isMissingNode() || a.get(0).isNull() ? a.get(1) : a.get(0));

    // numbers
    def("abs", 1, 1, (a, s) -> numeric(a.get(0), BigInteger::abs, BigDecimal::abs, s));
    def("ceil", 1, 1, (a, s) -> rounded(a.get(0), RoundingMode.CEILING));
    def("floor", 1, 1, (a, s) -> rounded(a.get(0), RoundingMode.FLOOR));
    def("round", 1, 1, (a, s) -> rounded(a.get(0), RoundingMode.HALF_UP));
    def("sign", 1, 1, Functions::sign);
    def("mod", 2, 2, (a, s) -> Operators.arithmetic("%", a.get(0), a.get(1), s.version()));
    def("remainder", 2, 2, (a, s) -> Operators.arithmetic("%", a.get(0), a.get(1), s.version()));
    def("trunc", 2, 2, Functions::trunc);
    def("power", 2, 2, (a, s) -> dbl2(a, Math::pow, s));
    def("atan2", 2, 2, (a, s) -> dbl2(a, Math::atan2, s));
    double1("acos", Math::acos);
    double1("asin", Math::asin);
    double1("atan", Math::atan);
    double1("cos", Math::cos);
    double1("cosh", Math::cosh);
    double1("exp", Math::exp);
    double1("ln", Math::log);
    double1("log", Math::log10);
    double1("sin", Math::sin);
    double1("sinh", Math::sinh);
    double1("sqrt", Math::sqrt);
    double1("tan", Math::tan);
    double1("tanh", Math::tanh);
    def("bitand", 2, 2, (a, s) -> bits(a, BigInteger::and));
    def("bitor", 2, 2, (a, s) -> bits(a, BigInteger::or));
    def("bitxor", 2, 2, (a, s) -> bits(a, BigInteger::xor));
    def(
        "bitnot",
        1,
        1,
        (a, s) -> {
          BigInteger i = Values.floorInt(a.get(0));
          return i == null ? null : Values.integer(i.not());
        });

    // strings
    def("upper", 1, 1, (a, s) -> mapText(a.get(0), t -> t.toUpperCase(Locale.ROOT)));
    def("lower", 1, 1, (a, s) -> mapText(a.get(0), t -> t.toLowerCase(Locale.ROOT)));
    def("trim", 1, 1, (a, s) -> mapText(a.get(0), String::strip));
    def("ltrim", 1, 1, (a, s) -> mapText(a.get(0), String::stripLeading));
    def("rtrim", 1, 1, (a, s) -> mapText(a.get(0), String::stripTrailing));
    def2016(
        "length",
        1,
        1,
        (a, s) -> {
          String t = Values.toText(a.get(0));
          return t == null
              ? null
              : Values.integer(BigInteger.valueOf(t.codePointCount(0, t.length())));
        });
    def2016(
        "numbytes",
        1,
        1,
        (a, s) -> {
          String t = Values.toText(a.get(0));
          return t == null
              ? null
              : Values.integer(BigInteger.valueOf(t.getBytes(StandardCharsets.UTF_8).length));
        });
    def("concat", 0, Integer.MAX_VALUE, (a, s) -> concat(a));
    def("substring", 2, 3, Functions::substring);
    def("startswith", 2, 2, (a, s) -> textTest(a, String::startsWith));
    def("endswith", 2, 2, (a, s) -> textTest(a, String::endsWith));
    def2016(
        "indexof",
        2,
        2,
        (a, s) -> {
          String x = Values.toText(a.get(0));
          String y = Values.toText(a.get(1));
          return x == null || y == null ? null : Values.integer(BigInteger.valueOf(x.indexOf(y)));
        });
    def(
        "replace",
        3,
        3,
        (a, s) -> {
          String x = Values.toText(a.get(0));
          String y = Values.toText(a.get(1));
          String z = Values.toText(a.get(2));
          return x == null || y == null || z == null ? null : text(x.replace(y, z));
        });
    def("lpad", 2, 2, (a, s) -> pad(a, true));
    def("rpad", 2, 2, (a, s) -> pad(a, false));
    def(
        "chr",
        1,
        1,
        (a, s) -> {
          BigInteger i = Values.floorInt(a.get(0));
          return i == null || i.signum() < 0 || i.intValue() > 127 || i.bitLength() > 8
              ? null
              : text(String.valueOf((char) i.intValue()));
        });
    def("regexp_matches", 2, 2, (a, s) -> regex(a, m -> Operators.bool(m.find())));
    def("regexp_substr", 2, 2, (a, s) -> regex(a, m -> m.find() ? text(m.group()) : null));
    def(
        "regexp_replace",
        3,
        3,
        (a, s) -> {
          String replacement = Values.toText(a.get(2));
          return replacement == null ? null : regex(a, m -> text(m.replaceAll(replacement)));
        });
    for (String algorithm : List.of("md2", "md5", "sha1", "sha224", "sha256", "sha384", "sha512")) {
      def(algorithm, 1, 1, (a, s) -> hash(algorithm, a.get(0)));
    }

    // collections and encodings
    def("get", 2, 2, (a, s) -> get(a.get(0), a.get(1)));
    def2016("decode", 2, 2, (a, s) -> decode(a.get(0), a.get(1)));
    def2016("encode", 2, 2, (a, s) -> UNDEFINED);
    def2016("transform", 3, 3, (a, s) -> transform(a));

    // time
    def2016("parse_time", 2, 3, Functions::parseTime);
    def2016("time_to_epoch", 2, 2, (a, s) -> timeToEpoch(a.get(0), a.get(1)));
  }

  // ---- implementations ---------------------------------------------------------------------

  private static JsonNode text(String s) {
    return s == null ? null : Values.nodes().textNode(s);
  }

  private static JsonNode topic(List<JsonNode> a, Scope s) {
    String topic = s.context().topic();
    if (a.isEmpty()) {
      return text(topic);
    }
    BigInteger n = Values.toInt(a.get(0));
    String[] levels = topic.split("/", -1);
    if (n == null || n.signum() <= 0 || n.compareTo(BigInteger.valueOf(levels.length)) > 0) {
      return null;
    }
    return text(levels[n.intValue() - 1]);
  }

  private static JsonNode numeric(
      JsonNode v,
      java.util.function.UnaryOperator<BigInteger> onInt,
      java.util.function.UnaryOperator<BigDecimal> onDecimal,
      Scope s) {
    if (Values.isInt(v)) {
      return Values.checkedInteger(onInt.apply(v.bigIntegerValue()));
    }
    if (!Values.isNumber(v) && !v.isTextual()) {
      return null;
    }
    BigDecimal d = Values.toDecimal(v);
    return d == null ? null : Values.decimal(onDecimal.apply(d), s.version());
  }

  /** ceil/floor/round: an Int from an Int, Decimal or numeric String. */
  private static JsonNode rounded(JsonNode v, RoundingMode mode) {
    if (Values.isInt(v)) {
      return v;
    }
    if (!Values.isNumber(v) && !v.isTextual()) {
      return null;
    }
    BigDecimal d = Values.toDecimal(v);
    return d == null ? null : Values.checkedInteger(d.setScale(0, mode).toBigInteger());
  }

  private static JsonNode sign(List<JsonNode> a, Scope s) {
    JsonNode v = a.get(0);
    if (!Values.isNumber(v) && !v.isTextual()) {
      return null;
    }
    BigDecimal d = Values.toDecimal(v);
    return d == null ? null : Values.integer(BigInteger.valueOf(d.signum()));
  }

  private static JsonNode trunc(List<JsonNode> a, Scope s) {
    if (Values.isInt(a.get(0)) && Values.isInt(a.get(1))) {
      return a.get(0);
    }
    if (!(Values.isNumber(a.get(0)) || a.get(0).isTextual()) || !Values.isNumber(a.get(1))) {
      return null;
    }
    BigDecimal d = Values.toDecimal(a.get(0));
    BigInteger places = Values.floorInt(a.get(1));
    if (d == null || places == null) {
      return null;
    }
    int n = places.max(BigInteger.ZERO).min(BigInteger.valueOf(34)).intValue();
    BigDecimal t = d.setScale(n, RoundingMode.DOWN).stripTrailingZeros();
    return Values.decimal(t, s.version());
  }

  private static void double1(String name, DoubleUnaryOperator f) {
    def(
        name,
        1,
        1,
        (a, s) -> {
          JsonNode v = a.get(0);
          if (!Values.isNumber(v) && !v.isTextual()) {
            return null;
          }
          BigDecimal d = Values.toDecimal(v);
          return d == null ? null : Values.dbl(f.applyAsDouble(d.doubleValue()), s.version());
        });
  }

  private static JsonNode dbl2(List<JsonNode> a, DoubleBinaryOperator f, Scope s) {
    for (JsonNode v : a) {
      if (!Values.isNumber(v) && !v.isTextual()) {
        return null;
      }
    }
    BigDecimal x = Values.toDecimal(a.get(0));
    BigDecimal y = Values.toDecimal(a.get(1));
    return x == null || y == null
        ? null
        : Values.dbl(f.applyAsDouble(x.doubleValue(), y.doubleValue()), s.version());
  }

  private static JsonNode bits(List<JsonNode> a, java.util.function.BinaryOperator<BigInteger> op) {
    BigInteger x = Values.floorInt(a.get(0));
    BigInteger y = Values.floorInt(a.get(1));
    return x == null || y == null ? null : Values.checkedInteger(op.apply(x, y));
  }

  private static JsonNode mapText(JsonNode v, java.util.function.UnaryOperator<String> f) {
    String t = Values.toText(v);
    return t == null ? null : text(f.apply(t));
  }

  private static JsonNode textTest(
      List<JsonNode> a, java.util.function.BiPredicate<String, String> test) {
    String x = Values.toText(a.get(0));
    String y = Values.toText(a.get(1));
    return x == null || y == null ? null : Operators.bool(test.test(x, y));
  }

  /**
   * 0 args: Undefined; 1 arg: arrays as they are, other values as strings; more: one array when any
   * argument is an array, else the concatenated strings when any is a string.
   */
  private static JsonNode concat(List<JsonNode> a) {
    if (a.isEmpty()) {
      return null;
    }
    if (a.size() == 1) {
      return a.get(0).isArray() ? a.get(0) : text(Values.toText(a.get(0)));
    }
    if (a.stream().anyMatch(JsonNode::isArray)) {
      ArrayNode out = Values.nodes().arrayNode();
      for (JsonNode v : a) {
        if (v.isArray()) {
          out.addAll((ArrayNode) v);
        } else if (!v.isMissingNode()) {
          out.add(v);
        }
      }
      return out;
    }
    if (a.stream().noneMatch(JsonNode::isTextual)) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    for (JsonNode v : a) {
      String t = Values.toText(v);
      if (t == null) {
        return null;
      }
      out.append(t);
    }
    return text(out.toString());
  }

  private static JsonNode substring(List<JsonNode> a, Scope s) {
    String t = Values.toText(a.get(0));
    if (t == null) {
      return null;
    }
    Integer from = clampedIndex(a.get(1), t.length());
    Integer to = a.size() == 3 ? clampedIndex(a.get(2), t.length()) : Integer.valueOf(t.length());
    if (from == null || to == null) {
      return null;
    }
    return text(from >= to ? "" : t.substring(from, to));
  }

  private static Integer clampedIndex(JsonNode v, int length) {
    if (!Values.isNumber(v) && !v.isTextual()) {
      return null;
    }
    BigInteger i = Values.floorInt(v);
    if (i == null) {
      return null;
    }
    return i.max(BigInteger.ZERO).min(BigInteger.valueOf(length)).intValue();
  }

  /** lpad/rpad: the count is rounded down and clamped to 0..1000. */
  private static JsonNode pad(List<JsonNode> a, boolean left) {
    String t = Values.toText(a.get(0));
    JsonNode count = a.get(1);
    if (t == null || (!Values.isNumber(count) && !count.isTextual())) {
      return null;
    }
    BigInteger n = Values.floorInt(count);
    if (n == null) {
      return null;
    }
    String spaces = " ".repeat(n.max(BigInteger.ZERO).min(BigInteger.valueOf(1000)).intValue());
    return text(left ? spaces + t : t + spaces);
  }

  private static JsonNode regex(
      List<JsonNode> a, java.util.function.Function<Matcher, JsonNode> f) {
    String input = Values.toText(a.get(0));
    String pattern = Values.toText(a.get(1));
    if (input == null || pattern == null) {
      return null;
    }
    return f.apply(Pattern.compile(pattern).matcher(input));
  }

  private static JsonNode hash(String algorithm, JsonNode v) {
    String t = Values.toText(v);
    if (t == null) {
      return null;
    }
    String javaName =
        switch (algorithm) {
          case "md2" -> "MD2";
          case "md5" -> "MD5";
          default -> "SHA-" + algorithm.substring(3);
        };
    try {
      MessageDigest digest = MessageDigest.getInstance(javaName);
      return text(HexFormat.of().formatHex(digest.digest(t.getBytes(StandardCharsets.UTF_8))));
    } catch (java.security.NoSuchAlgorithmException e) {
      return null;
    }
  }

  /** get(Array|String, index) and get(Object, key); the key of an Object is not converted. */
  private static JsonNode get(JsonNode collection, JsonNode key) {
    if (collection.isArray() || collection.isTextual()) {
      BigInteger i = Values.toInt(key);
      int size = collection.isArray() ? collection.size() : collection.textValue().length();
      if (i == null || i.signum() < 0 || i.compareTo(BigInteger.valueOf(size)) >= 0) {
        return null;
      }
      return collection.isArray()
          ? collection.get(i.intValue())
          : text(String.valueOf(collection.textValue().charAt(i.intValue())));
    }
    if (collection.isObject() && key.isTextual()) {
      return collection.get(key.textValue());
    }
    return null;
  }

  /**
   * encode(value, 'base64'): {@code *} is the raw payload, JSON or not; any other value is
   * converted to a string first.
   */
  private static JsonNode encode(Expr.Call call, Scope s) {
    JsonNode scheme = Evaluator.eval(call.args().get(1), s);
    if (!scheme.isTextual() || !scheme.textValue().equalsIgnoreCase("base64")) {
      return UNDEFINED;
    }
    byte[] bytes;
    if (call.args().get(0) instanceof Expr.Star) {
      if (s.payload() != null) {
        bytes = s.payload();
      } else {
        String json = s.star() == null ? null : Values.toText(s.star());
        if (json == null) {
          return UNDEFINED;
        }
        bytes = json.getBytes(StandardCharsets.UTF_8);
      }
    } else {
      String t = Values.toText(Evaluator.eval(call.args().get(0), s));
      if (t == null) {
        return UNDEFINED;
      }
      bytes = t.getBytes(StandardCharsets.UTF_8);
    }
    return Values.nodes().textNode(Base64.getEncoder().encodeToString(bytes));
  }

  /**
   * decode(value, 'base64'): the decoded JSON document when it is one, else the decoded string;
   * Null when the value cannot be decoded.
   */
  private static JsonNode decode(JsonNode value, JsonNode scheme) {
    if (!scheme.isTextual() || !scheme.textValue().equalsIgnoreCase("base64")) {
      return null;
    }
    String t = Values.toText(value);
    if (t == null) {
      return null;
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(t.replaceAll("\\s", ""));
    } catch (IllegalArgumentException e) {
      return Values.nodes().nullNode();
    }
    JsonNode json = Payloads.parseJson(bytes);
    return json != null ? json : text(new String(bytes, StandardCharsets.UTF_8));
  }

  /** transform('enrichArray', object, array): each object of the array gains the attributes. */
  private static JsonNode transform(List<JsonNode> a) {
    JsonNode mode = a.get(0);
    JsonNode attributes = a.get(1);
    JsonNode array = a.get(2);
    if (!mode.isTextual()
        || !mode.textValue().equals("enrichArray")
        || !attributes.isObject()
        || !array.isArray()) {
      return null;
    }
    ArrayNode out = Values.nodes().arrayNode();
    for (JsonNode element : array) {
      if (!element.isObject()) {
        return null;
      }
      ObjectNode enriched = element.deepCopy();
      enriched.setAll((ObjectNode) attributes.deepCopy());
      out.add(enriched);
    }
    return out;
  }

  /** parse_time(pattern, epochMillis[, zone]): formats in the zone, UTC by default. */
  private static JsonNode parseTime(List<JsonNode> a, Scope s) {
    String pattern = Values.toText(a.get(0));
    BigInteger millis = Values.toInt(a.get(1));
    String zone = a.size() == 3 ? Values.toText(a.get(2)) : "UTC";
    if (pattern == null || millis == null || zone == null || millis.bitLength() > 63) {
      return null;
    }
    DateTimeFormatter formatter = DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH);
    return text(formatter.format(Instant.ofEpochMilli(millis.longValue()).atZone(ZoneId.of(zone))));
  }

  /** time_to_epoch(timestamp, pattern): milliseconds since the epoch, UTC unless zoned. */
  private static JsonNode timeToEpoch(JsonNode timestamp, JsonNode pattern) {
    String t = Values.toText(timestamp);
    String p = Values.toText(pattern);
    if (t == null || p == null) {
      return null;
    }
    DateTimeFormatter formatter =
        new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern(p)
            .toFormatter(Locale.ENGLISH);
    TemporalAccessor parsed = formatter.parse(t);
    Instant instant;
    if (parsed.query(TemporalQueries.zone()) != null
        && parsed.isSupported(ChronoField.HOUR_OF_DAY)) {
      instant = ZonedDateTime.from(parsed).toInstant();
    } else if (parsed.isSupported(ChronoField.HOUR_OF_DAY)) {
      instant = LocalDateTime.from(parsed).toInstant(ZoneOffset.UTC);
    } else {
      ZoneId zone = parsed.query(TemporalQueries.zone());
      instant =
          LocalDate.from(parsed).atStartOfDay(zone == null ? ZoneOffset.UTC : zone).toInstant();
    }
    return Values.integer(BigInteger.valueOf(instant.toEpochMilli()));
  }
}
