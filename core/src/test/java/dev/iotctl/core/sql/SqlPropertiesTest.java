package dev.iotctl.core.sql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Robustness: evaluation never throws on any payload; parsing only ever throws SqlException. */
class SqlPropertiesTest {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final List<String> KEYS = List.of("a", "b", "c", "e", "n", "v", "color", "x");

  /** Statements touching every operator and function family. */
  private static final List<SqlStatement> CORPUS =
      List.of(
              "SELECT * FROM 't'",
              "SELECT *, a + b AS s, a - b AS d, a * b AS m, a / b AS q, a % b AS r FROM 't'",
              "SELECT VALUE a FROM 't' WHERE a > b OR NOT c",
              "SELECT a.b.c, a[0], a[b], x[-1] FROM 't' WHERE a = b AND c <> v",
              "SELECT CASE a WHEN 1 THEN 'one' WHEN b THEN c ELSE v END AS k FROM 't'",
              "SELECT {'k': a, 'l': [b, c]} AS o, [a, [b]] AS arr FROM 't' WHERE a IN [1, b, c]",
              "SELECT (SELECT VALUE n FROM e) AS ns, (SELECT v, * FROM e WHERE n = 'x') AS vs FROM 't'",
              "SELECT abs(a), ceil(a), floor(b), round(c), sign(v), mod(a, b), trunc(a, b) FROM 't'",
              "SELECT sqrt(a), power(a, b), ln(a), log(b), exp(c), sin(a), atan2(a, b) FROM 't'",
              "SELECT bitand(a, b), bitor(a, b), bitxor(a, b), bitnot(c), chr(a) FROM 't'",
              "SELECT concat(a, b, c), substring(a, b, c), upper(a), lower(b), trim(c) FROM 't'",
              "SELECT lpad(a, b), rpad(c, v), replace(a, b, c), indexof(a, b), length(v) FROM 't'",
              "SELECT regexp_matches(a, b), regexp_replace(a, b, c), regexp_substr(a, n) FROM 't'",
              "SELECT startswith(a, b), endswith(c, v), numbytes(a), md5(a), sha256(b) FROM 't'",
              "SELECT get(a, b), get(e, 0), isNull(a), isUndefined(b), nanvl(a, b) FROM 't'",
              "SELECT cast(a AS Int), cast(b AS Decimal), cast(c AS Boolean), cast(v AS String) FROM 't'",
              "SELECT encode(*, 'base64') AS p, encode(a, 'base64') AS q, decode(b, 'base64') AS r FROM 't'",
              "SELECT parse_time(a, b, c) AS t1, time_to_epoch(a, b) AS t2 FROM 't'",
              "SELECT transform('enrichArray', a, e) AS t, topic(a) AS tp, -a AS neg FROM 't'",
              "SELECT a + 'x' AS s, a > 'b' AS g, color = 'red' AS r FROM 't' WHERE a <= 10 OR 'true'")
          .stream()
          .map(IotSql::parse)
          .toList();

  @Property(tries = 150)
  void evaluatorNeverThrowsOnAnyJsonPayload(@ForAll("documents") JsonNode document) {
    byte[] payload = document.toString().getBytes(StandardCharsets.UTF_8);
    for (SqlStatement statement : CORPUS) {
      Optional<JsonNode> out = statement.evaluate(payload, SqlTesting.CTX);
      out.ifPresent(IotSql::toBytes);
    }
  }

  @Property(tries = 200)
  void evaluatorNeverThrowsOnArbitraryBytes(@ForAll byte[] payload) {
    for (SqlStatement statement : CORPUS) {
      statement.evaluate(payload, SqlTesting.CTX).ifPresent(IotSql::toBytes);
    }
  }

  @Property(tries = 1000)
  void parseThrowsNothingButSqlException(@ForAll("sqlish") String sql) {
    try {
      IotSql.parse(sql);
    } catch (SqlException expected) {
      assertThat(expected.offset()).isBetween(0, sql.length());
      assertThat(expected.line()).isPositive();
    }
  }

  @Property(tries = 500)
  void parseThrowsNothingButSqlExceptionOnRandomStrings(@ForAll String sql) {
    try {
      IotSql.parse(sql);
    } catch (SqlException expected) {
      assertThat(expected.errorCode()).isEqualTo("SqlParseException");
    }
  }

  /** Strings built from SQL's own vocabulary, so that many get deep into the parser. */
  @Provide
  Arbitrary<String> sqlish() {
    Arbitrary<String> word =
        Arbitraries.of(
            "SELECT", "VALUE", "*", "FROM", "'a/+/#'", "'t'", "WHERE", "AS", "AND", "OR", "NOT",
            "IN", "CASE", "WHEN", "THEN", "ELSE", "END", "(", ")", "[", "]", "{", "}", ":", ",",
            ".", "+", "-", "/", "%", "=", "<>", "<", ">=", "a", "b", "1", "2.5", "1e5", "'s'",
            "\"d\"", "true", "null", "topic(", "cast(", "Int", "get(", "encode(", "concat(", "'",
            "\n", "!=", "||", "#");
    Arbitrary<String> tail = word.list().ofMaxSize(25).map(w -> String.join(" ", w));
    return tail.map(t -> "SELECT " + t);
  }

  @Provide
  Arbitrary<JsonNode> documents() {
    return Arbitraries.lazyOf(this::scalar, () -> object(3)).filter(JsonNode::isObject);
  }

  private Arbitrary<JsonNode> value(int depth) {
    if (depth <= 0) {
      return scalar();
    }
    return Arbitraries.oneOf(scalar(), scalar(), object(depth - 1), array(depth - 1));
  }

  private Arbitrary<JsonNode> scalar() {
    return Arbitraries.oneOf(
        Arbitraries.integers().map(i -> (JsonNode) F.numberNode(i)),
        Arbitraries.longs().map(l -> (JsonNode) F.numberNode(l)),
        Arbitraries.bigIntegers()
            .between(
                new java.math.BigInteger("-1" + "0".repeat(40)),
                new java.math.BigInteger("1" + "0".repeat(40)))
            .map(i -> (JsonNode) F.numberNode(i)),
        Arbitraries.doubles().map(d -> (JsonNode) F.numberNode(BigDecimal.valueOf(d))),
        Arbitraries.bigDecimals().map(d -> (JsonNode) F.numberNode(d)),
        Arbitraries.of("1e999", "-5E-12", "0.0", "1e-2000")
            .map(s -> (JsonNode) F.numberNode(new BigDecimal(s))),
        Arbitraries.strings().ofMaxLength(12).map(s -> (JsonNode) F.textNode(s)),
        Arbitraries.of(
                "true",
                "FALSE",
                "12",
                "-1.5",
                "5E-12",
                "(",
                "a{2,}",
                "base64",
                "yyyy",
                "UTC",
                "aGVsbG8=",
                "eyJhIjoxfQ==",
                "enrichArray")
            .map(s -> (JsonNode) F.textNode(s)),
        Arbitraries.of(F.booleanNode(true), F.booleanNode(false), F.nullNode()));
  }

  private Arbitrary<JsonNode> object(int depth) {
    return Arbitraries.maps(Arbitraries.of(KEYS), Arbitraries.lazy(() -> value(depth)))
        .ofMaxSize(6)
        .map(
            m -> {
              ObjectNode o = F.objectNode();
              m.forEach(o::set);
              return (JsonNode) o;
            });
  }

  private Arbitrary<JsonNode> array(int depth) {
    return Arbitraries.lazy(() -> value(depth))
        .list()
        .ofMaxSize(5)
        .map(
            l -> {
              ArrayNode a = F.arrayNode();
              a.addAll(l);
              return (JsonNode) a;
            });
  }
}
