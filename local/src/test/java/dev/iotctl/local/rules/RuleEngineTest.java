package dev.iotctl.local.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iotctl.core.error.IotException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleEngineTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  record Published(String topic, String payload, int qos) {}

  private final List<Published> published = new CopyOnWriteArrayList<>();
  private volatile boolean brokerDown;
  @TempDir Path dataDir;
  private ActionSink sink;
  private RuleEngine engine;

  @BeforeEach
  void start() {
    sink = new ActionSink(dataDir);
    Publisher publisher =
        (topic, payload, qos) -> {
          if (brokerDown) {
            throw new IllegalStateException("broker unavailable");
          }
          published.add(new Published(topic, new String(payload, StandardCharsets.UTF_8), qos));
        };
    Clock clock = Clock.fixed(Instant.ofEpochMilli(1_700_000_000_000L), ZoneOffset.UTC);
    engine = new RuleEngine(publisher, sink, clock, 2, 100);
  }

  @AfterEach
  void stop() {
    engine.close();
  }

  private static TopicRule rule(String name, String payloadJson) throws Exception {
    return TopicRule.fromPayload(name, JSON.readTree(payloadJson));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void republishesWithSubstitutedTopicAndQos() throws Exception {
    engine.put(
        rule(
            "hot",
            """
            {"sql": "SELECT temperature AS t, clientid() AS c FROM 'sensors/+/temp' WHERE temperature > 50",
             "awsIotSqlVersion": "2016-03-23",
             "actions": [{"republish": {"topic": "alerts/${topic(2)}/${clientid()}", "qos": 1,
                          "roleArn": "arn:aws:iam::123456789012:role/r"}}]}
            """));
    assertThat(engine.route("sensors/kitchen/temp", bytes("{\"temperature\":70}"), "dev-1", "p"))
        .isEqualTo(1);
    engine.route("sensors/kitchen/temp", bytes("{\"temperature\":20}"), "dev-1", "p");
    assertThat(engine.route("other/topic", bytes("{\"temperature\":90}"), "dev-1", "p")).isZero();

    await().until(() -> published.size() == 1);
    assertThat(published.get(0))
        .isEqualTo(new Published("alerts/kitchen/dev-1", "{\"t\":70,\"c\":\"dev-1\"}", 1));
    await().until(() -> engine.counters("hot").equals(new RuleCounters(1, 1, 0)));
  }

  @Test
  void reservedTopicsNeedTheDoubleDollar() throws Exception {
    engine.put(
        rule(
            "shadow",
            """
            {"sql": "SELECT state FROM 'in'", "actions": [
              {"republish": {"topic": "$$aws/things/${topic()}/shadow/update"}},
              {"republish": {"topic": "$aws/things/x/shadow/update"}}]}
            """));
    engine.route("in", bytes("{\"state\":{\"reported\":{}}}"), "c", "p");
    await().until(() -> engine.counters("shadow").equals(new RuleCounters(1, 1, 1)));
    assertThat(published)
        .extracting(Published::topic)
        .containsExactly("$aws/things/in/shadow/update");
  }

  @Test
  void otherActionsAreRecordedAsJsonLines() throws Exception {
    engine.put(
        rule(
            "archive",
            """
            {"sql": "SELECT * FROM 'data/#'", "actions": [
              {"s3": {"bucketName": "my-bucket", "key": "${topic()}", "roleArn": "r"}},
              {"lambda": {"functionArn": "arn:aws:lambda:us-east-1:123456789012:function:f"}}]}
            """));
    engine.route("data/a", bytes("{\"x\":1}"), "c", "p");
    engine.route("data/b", new byte[] {1, 2}, "c", "p");
    await().until(() -> engine.counters("archive").executed() == 4);

    List<JsonNode> lines =
        Files.readAllLines(sink.file()).stream().map(RuleEngineTest::parse).toList();
    assertThat(lines).hasSize(4);
    assertThat(lines)
        .anySatisfy(
            l -> {
              assertThat(l.get("rule").asText()).isEqualTo("archive");
              assertThat(l.get("actionType").asText()).isEqualTo("s3");
              assertThat(l.get("target").asText()).isEqualTo("my-bucket");
              assertThat(l.get("payload")).isEqualTo(parse("{\"x\":1}"));
              assertThat(l.get("timestamp").asLong()).isEqualTo(1_700_000_000_000L);
            });
    assertThat(lines)
        .anySatisfy(
            l -> {
              assertThat(l.get("actionType").asText()).isEqualTo("lambda");
              assertThat(l.path("payloadBase64").asText()).isEqualTo("AQI=");
            });
  }

  @Test
  void errorActionReceivesOneAwsFormatMessagePerRuleAndMessage() throws Exception {
    engine.put(
        rule(
            "fragile",
            """
            {"sql": "SELECT * FROM 'in'",
             "actions": [{"republish": {"topic": "out/1"}}, {"republish": {"topic": "out/2"}}],
             "errorAction": {"s3": {"bucketName": "errors", "key": "k"}}}
            """));
    brokerDown = true;
    engine.route("in", bytes("{\"m\":1}"), "client-9", "p");
    await().until(() -> Files.exists(sink.file()) && !Files.readAllLines(sink.file()).isEmpty());

    List<String> lines = Files.readAllLines(sink.file());
    assertThat(lines).hasSize(1);
    JsonNode error = parse(lines.get(0)).get("payload");
    assertThat(error.get("ruleName").asText()).isEqualTo("fragile");
    assertThat(error.get("topic").asText()).isEqualTo("in");
    assertThat(error.get("clientId").asText()).isEqualTo("client-9");
    assertThat(Base64.getDecoder().decode(error.get("base64OriginalPayload").asText()))
        .isEqualTo(bytes("{\"m\":1}"));
    assertThat(error.get("failures")).hasSize(2);
    assertThat(error.get("failures").get(0).get("failedAction").asText())
        .isEqualTo("RepublishAction");
    assertThat(error.get("failures").get(0).get("errorMessage").asText())
        .isEqualTo("broker unavailable");
    assertThat(engine.counters("fragile")).isEqualTo(new RuleCounters(1, 0, 2));
  }

  @Test
  void disabledRulesDoNotRun() throws Exception {
    engine.put(
        rule("off", "{\"sql\": \"SELECT * FROM 'in'\", \"ruleDisabled\": true, \"actions\": []}"));
    assertThat(engine.route("in", bytes("{}"), "c", "p")).isZero();
    assertThat(engine.counters("off")).isEqualTo(new RuleCounters(0, 0, 0));
  }

  @Test
  void invalidPayloadsAreRefusedWithAwsErrors() {
    assertThatThrownBy(() -> rule("bad", "{\"sql\": \"SELECT * FROM\", \"actions\": []}"))
        .isInstanceOf(IotException.class)
        .extracting(e -> ((IotException) e).errorCode())
        .isEqualTo("SqlParseException");
    assertThatThrownBy(
            () -> rule("bad", "{\"sql\": \"SELECT * FROM 'a'\", \"awsIotSqlVersion\": \"2020\"}"))
        .isInstanceOf(IotException.class);
  }

  private static JsonNode parse(String line) {
    try {
      return JSON.readTree(line);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
