package dev.iotctl.core.sql;

import static dev.iotctl.core.sql.SqlTesting.json;
import static dev.iotctl.core.sql.SqlTesting.out;
import static dev.iotctl.core.sql.SqlTesting.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The examples of the SQL reference's clause pages, each with AWS's documented output. */
class SqlClausesTest {
  private static final String COLOR = "{\"color\":\"red\", \"temperature\":50}";

  @Test
  void referenceExampleRenamesWhenWhereHolds() {
    String sql = "SELECT color AS rgb FROM 'topic/subtopic' WHERE temperature > 50";
    assertThat(run(sql, "{\"color\":\"red\",\"temperature\":100}"))
        .contains(json("{\"rgb\":\"red\"}"));
    assertThat(run(sql, "{\"color\":\"red\",\"temperature\":50}")).isEmpty();
  }

  @Test
  void selectStarReturnsThePayload() {
    assertThat(out("SELECT * FROM 'topic/subtopic'", COLOR))
        .isEqualTo("{\"color\":\"red\",\"temperature\":50}");
  }

  @Test
  void selectAttributesAliasesAndLists() {
    assertThat(out("SELECT color FROM 'topic/subtopic'", COLOR)).isEqualTo("{\"color\":\"red\"}");
    assertThat(out("SELECT color AS my_color FROM 'topic/subtopic'", COLOR))
        .isEqualTo("{\"my_color\":\"red\"}");
    assertThat(
            out("SELECT color as my_color, temperature as fahrenheit FROM 'topic/subtopic'", COLOR))
        .isEqualTo("{\"my_color\":\"red\",\"fahrenheit\":50}");
  }

  @Test
  void starCombinedWithOtherItemsAddsToThePayload() {
    assertThat(out("SELECT *, 15 as speed FROM 'topic/subtopic'", COLOR))
        .isEqualTo("{\"color\":\"red\",\"temperature\":50,\"speed\":15}");
  }

  @Test
  void selectValueProducesNonObjectPayloads() {
    assertThat(out("SELECT VALUE color FROM 'topic/subtopic'", COLOR)).isEqualTo("\"red\"");
    assertThat(out("SELECT VALUE arr FROM 'topic'", "{\"a\":{\"b\":\"c\"},\"arr\":[1,2,3,4]}"))
        .isEqualTo("[1,2,3,4]");
  }

  @Test
  void valueIsAnOrdinaryAttributeNameWhereItCannotBeTheKeyword() {
    assertThat(out("SELECT value FROM 'a'", "{\"value\":3}")).isEqualTo("{\"value\":3}");
    assertThat(out("SELECT value AS v FROM 'a'", "{\"value\":3}")).isEqualTo("{\"v\":3}");
  }

  @Test
  void dotDrillsIntoNestedObjects() {
    assertThat(
            out(
                "SELECT color.red as red_value FROM 'topic/subtopic'",
                "{\"color\":{\"red\":255,\"green\":0,\"blue\":0}, \"temperature\":50}"))
        .isEqualTo("{\"red_value\":255}");
    assertThat(out("SELECT a.b.c FROM 't'", "{\"a\":{\"b\":{\"c\":1}}}")).isEqualTo("{\"c\":1}");
  }

  @Test
  void dottedAliasBuildsNestedOutput() {
    assertThat(
            out("SELECT foo.bar AS bar.baz FROM 'topic/subtopic'", "{\"foo\":{\"bar\":\"RED\"}}"))
        .isEqualTo("{\"bar\":{\"baz\":\"RED\"}}");
  }

  @Test
  void arrayIndexing() {
    assertThat(out("SELECT a[1] AS x, a[5] AS y FROM 't'", "{\"a\":[10,20,30]}"))
        .isEqualTo("{\"x\":20}");
  }

  @Test
  void functionsAndGroupingInSelect() {
    assertThat(
            out(
                "SELECT (temperature - 32) * 5 / 9 AS celsius, upper(color) as my_color FROM 'topic/subtopic'",
                COLOR))
        .isEqualTo("{\"celsius\":10,\"my_color\":\"RED\"}");
  }

  @Test
  void whereClauseExampleDoesNotMatch() {
    assertThat(
            run(
                "SELECT color AS my_color FROM 'topic/subtopic' WHERE temperature > 50 AND color <> 'red'",
                "{\"color\":\"red\", \"temperature\":40}"))
        .isEmpty();
  }

  @Test
  void whereMustBeExactlyTrue() {
    assertThat(run("SELECT * FROM 't' WHERE missing = 1", "{}")).isEmpty();
    assertThat(run("SELECT * FROM 't' WHERE 'true'", "{}")).isEmpty();
    assertThat(run("SELECT * FROM 't' WHERE 1", "{}")).isEmpty();
    assertThat(run("SELECT * FROM 't' WHERE true", "{}")).isPresent();
  }

  @Test
  void whereOnNonJsonPayloadWithDecodeEncode() {
    String sql =
        "SELECT decode(encode(*, 'base64'), 'base64') AS value FROM 'topic/subtopic'"
            + " WHERE decode(encode(*, 'base64'), 'base64') > 50";
    assertThat(run(sql, "80")).contains(json("{\"value\":80}"));
    assertThat(run(sql, "20")).isEmpty();
  }

  @Test
  void fromClauseWildcards() {
    SqlStatement hash = IotSql.parse("SELECT temperature AS t FROM 'topic/#'");
    assertThat(hash.topicFilter()).isEqualTo("topic/#");
    assertThat(hash.matchesTopic("topic/subtopic")).isTrue();
    assertThat(hash.matchesTopic("topic/subtopic-3/details")).isTrue();
    assertThat(hash.matchesTopic("topic-2/subtopic-x")).isFalse();
    assertThat(hash.matchesTopic("topic")).isFalse();

    SqlStatement plus = IotSql.parse("SELECT temperature AS t FROM 'topic/+'");
    assertThat(plus.matchesTopic("topic/subtopic")).isTrue();
    assertThat(plus.matchesTopic("topic/subtopic-2")).isTrue();
    assertThat(plus.matchesTopic("topic/subtopic-3/details")).isFalse();
    assertThat(plus.matchesTopic("topic-2/subtopic-x")).isFalse();

    SqlStatement exact = IotSql.parse("SELECT temperature AS t FROM 'topic/subtopic'");
    assertThat(exact.matchesTopic("topic/subtopic")).isTrue();
    assertThat(exact.matchesTopic("topic/subtopic-2")).isFalse();
  }

  @Test
  void wildcardFiltersDoNotMatchReservedTopics() {
    assertThat(IotSql.parse("SELECT * FROM '#'").matchesTopic("$aws/things/t/shadow/update"))
        .isFalse();
    assertThat(
            IotSql.parse("SELECT * FROM '$aws/things/+/shadow/update'")
                .matchesTopic("$aws/things/t/shadow/update"))
        .isTrue();
  }

  @Test
  void caseStatement() {
    String sql =
        "SELECT CASE color WHEN 'green' THEN 'go' WHEN 'yellow' THEN 'caution' WHEN 'red' THEN 'stop'"
            + " ELSE 'you are not at a stop light' END as instructions FROM 'topic/subtopic'";
    assertThat(out(sql, "{\"color\":\"yellow\"}")).isEqualTo("{\"instructions\":\"caution\"}");
    assertThat(out(sql, "{\"color\":\"blue\"}"))
        .isEqualTo("{\"instructions\":\"you are not at a stop light\"}");
    assertThat(out(sql, "{}")).isEqualTo("{}");
    assertThat(out("SELECT CASE c WHEN 1 THEN 'one' END AS x FROM 't'", "{\"c\":2}"))
        .isEqualTo("{}");
  }

  @Test
  void literalsObjectsAndArrays() {
    assertThat(
            out(
                "SELECT {'latitude': get(lat_long, 0),'longitude':get(lat_long, 1)} as lat_long FROM 'topic/subtopic'",
                "{\"lat_long\": [47.606,-122.332]}"))
        .isEqualTo("{\"lat_long\":{\"latitude\":47.606,\"longitude\":-122.332}}");
    assertThat(
            out(
                "SELECT [lat,long] as lat_long FROM 'topic/subtopic'",
                "{\"lat\": 47.606, \"long\": -122.332}"))
        .isEqualTo("{\"lat_long\":[47.606,-122.332]}");
    assertThat(out("SELECT NULL AS n FROM 'topic/subtopic'", "{}")).isEqualTo("{\"n\":null}");
  }

  @Test
  void nestedObjectQueries() {
    String msg =
        "{\"e\":[{\"n\":\"temperature\",\"u\":\"Cel\",\"t\":1234,\"v\":22.5},"
            + "{\"n\":\"light\",\"u\":\"lm\",\"t\":1235,\"v\":135},"
            + "{\"n\":\"acidity\",\"u\":\"pH\",\"t\":1235,\"v\":7}]}";
    assertThat(out("SELECT (SELECT VALUE n FROM e) as sensors FROM 'my/topic'", msg))
        .isEqualTo("{\"sensors\":[\"temperature\",\"light\",\"acidity\"]}");
    assertThat(
            out(
                "SELECT (SELECT v FROM e WHERE n = 'temperature') as temperature FROM 'my/topic'",
                msg))
        .isEqualTo("{\"temperature\":[{\"v\":22.5}]}");
    assertThat(
            out(
                "SELECT get((SELECT v FROM e WHERE n = 'temperature'), 0).v as temperature FROM 'topic'",
                msg))
        .isEqualTo("{\"temperature\":22.5}");
  }

  @Test
  void jsonExtensionGetForAwkwardNames() {
    String msg = "{\"mydata\":{\"item2\":{\"0\":{\"my-key\":\"myValue\"}}}}";
    assertThat(
            run(
                "SELECT * from 'iot/rules' WHERE get(get(get(mydata,\"item2\"),\"0\"),\"my-key\") = \"myValue\"",
                msg))
        .contains(json(msg));
  }

  @Test
  void inOperatorMatchesArrayMembers() {
    assertThat(run("SELECT * FROM 't' WHERE state IN ['on', 'idle']", "{\"state\":\"idle\"}"))
        .isPresent();
    assertThat(run("SELECT * FROM 't' WHERE state IN ('on', 'idle')", "{\"state\":\"off\"}"))
        .isEmpty();
    assertThat(run("SELECT * FROM 't' WHERE 2 IN allowed", "{\"allowed\":[1,2.0]}")).isPresent();
  }

  @Test
  void binaryPayloadSelectStarPassesBytesThrough() {
    byte[] raw = {(byte) 0xff, 0x00, 0x10, 'x'};
    JsonNode out =
        IotSql.parse("SELECT * FROM 'topic/subtopic'").evaluate(raw, SqlTesting.CTX).orElseThrow();
    assertThat(out.isBinary()).isTrue();
    assertThat(IotSql.toBytes(out)).isEqualTo(raw);
  }

  @Test
  void binaryPayloadEncodeAndAddedItems() {
    byte[] raw = {1, 2, 3};
    JsonNode out =
        IotSql.parse("SELECT encode(*, 'base64') AS data, timestamp() AS ts FROM 'topic/subtopic'")
            .evaluate(raw, SqlTesting.CTX)
            .orElseThrow();
    assertThat(out.toString()).isEqualTo("{\"data\":\"AQID\",\"ts\":1481825251155}");
    JsonNode withStar =
        IotSql.parse("SELECT *, principal() as principal FROM 'topic/subtopic'")
            .evaluate(raw, SqlTesting.CTX)
            .orElseThrow();
    assertThat(withStar.fieldNames()).toIterable().containsExactly("principal");
    assertThat(
            IotSql.parse("SELECT * FROM 'topic/subtopic' WHERE device_type = 'thermostat'")
                .evaluate(raw, SqlTesting.CTX))
        .isEmpty();
  }

  @Test
  void encodeStarOfJsonPayloadEncodesTheRawBytes() {
    String payload = "{ \"a\" : 1 }";
    String expected =
        java.util.Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
    assertThat(out("SELECT encode(*, 'base64') AS d FROM 't'", payload))
        .isEqualTo("{\"d\":\"" + expected + "\"}");
  }

  @Test
  void selectValueOfUndefinedIsAnEmptyPayload() {
    JsonNode out = run("SELECT VALUE missing FROM 't'", "{}").orElseThrow();
    assertThat(out.isMissingNode()).isTrue();
    assertThat(IotSql.toBytes(out)).isEmpty();
  }

  @Test
  void keywordsAreCaseInsensitive() {
    assertThat(out("select color as c from 'topic/subtopic' where temperature >= 50", COLOR))
        .isEqualTo("{\"c\":\"red\"}");
  }
}
