package dev.iotctl.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iotctl.core.pki.TlsMaterial;
import dev.iotctl.local.gateway.NoDelaySocketFactory;
import dev.iotctl.local.gateway.TestPki;
import dev.iotctl.local.http.AwsClients;
import dev.iotctl.local.http.HttpApiConfig;
import dev.iotctl.local.http.LocalHttpApi;
import dev.iotctl.local.http.data.GatewayPublisher;
import dev.iotctl.local.http.data.PublishOperation;
import dev.iotctl.local.rules.RuleCounters;
import dev.iotctl.local.rules.RulesStats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.iotdataplane.IotDataPlaneClient;

/**
 * Topic rules on a started stand-in: devices publish over mTLS, rules come from the registry,
 * republished messages reach a real subscriber, other actions land in {@code actions.jsonl}.
 */
class RulesEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(5);

  private static final String HOT_RULE =
      """
      {"sql": "SELECT temperature, topic(2) AS device FROM 'devices/+/telemetry' WHERE temperature > 50",
       "awsIotSqlVersion": "2016-03-23",
       "actions": [{"republish": {"topic": "alerts/${topic(2)}", "qos": 1,
                    "roleArn": "arn:aws:iam::000000000000:role/republish"}}]}
      """;

  @TempDir Path dir;
  private LocalIotCore core;
  private final List<MqttClient> clients = new CopyOnWriteArrayList<>();

  record Received(String topic, String payload) {}

  @BeforeEach
  void start() {
    core = LocalIotCore.start(LocalIotCoreConfig.defaults(dir));
  }

  @AfterEach
  void stop() {
    clients.forEach(Devices::closeQuietly);
    core.close();
  }

  @Test
  void hotReadingsAreRepublishedAsAlertsAndNothingElse() throws Exception {
    core.registry().topicRules().create("hot", HOT_RULE);
    List<Received> alerts = subscribeAsOperator("alerts/#");
    MqttClient sensor = device("sensor-1");

    for (int temperature : new int[] {20, 70, 50, 51, 90, -3}) {
      sensor.publish(
          "devices/sensor-1/telemetry", bytes("{\"temperature\":" + temperature + "}"), 1, false);
    }

    await()
        .atMost(WAIT)
        .during(Duration.ofMillis(300))
        .until(() -> alerts.size() == 3 && core.rules().engine().counters("hot").matched() == 3);
    assertThat(alerts).extracting(Received::topic).containsOnly("alerts/sensor-1").hasSize(3);
    assertThat(alerts)
        .extracting(r -> JSON.readTree(r.payload()))
        .containsExactlyInAnyOrder(
            JSON.readTree("{\"temperature\":70,\"device\":\"sensor-1\"}"),
            JSON.readTree("{\"temperature\":51,\"device\":\"sensor-1\"}"),
            JSON.readTree("{\"temperature\":90,\"device\":\"sensor-1\"}"));
    assertThat(core.rules().engine().counters("hot")).isEqualTo(new RuleCounters(3, 3, 0));
  }

  @Test
  void republishGoesOutAtTheActionsQos() throws Exception {
    core.registry()
        .topicRules()
        .create(
            "qos",
            """
            {"sql": "SELECT * FROM 'devices/+/telemetry'",
             "actions": [{"republish": {"topic": "at0/${topic(2)}", "qos": 0}},
                         {"republish": {"topic": "at1/${topic(2)}", "qos": 1}},
                         {"republish": {"topic": "default/${topic(2)}"}}]}
            """);
    Map<String, Integer> qosByTopic = new ConcurrentHashMap<>();
    MqttClient operator = operator();
    for (String filter : List.of("at0/#", "at1/#", "default/#")) {
      operator.subscribe(filter, 1, (t, m) -> qosByTopic.put(t, m.getQos()));
    }

    device("sensor-q").publish("devices/sensor-q/telemetry", bytes("{\"t\":1}"), 1, false);

    await().atMost(WAIT).until(() -> qosByTopic.size() == 3);
    // A QoS 1 subscription receives each message at the QoS it was republished with.
    assertThat(qosByTopic)
        .containsEntry("at0/sensor-q", 0)
        .containsEntry("at1/sensor-q", 1)
        .containsEntry("default/sensor-q", 0);
  }

  @Test
  void dynamoDbV2ActionWritesOneRecordPerMatchingMessage() throws Exception {
    core.registry()
        .topicRules()
        .create(
            "store",
            """
            {"sql": "SELECT temperature, topic(2) AS deviceId, clientid() AS client FROM 'devices/+/telemetry'",
             "actions": [{"dynamoDBv2": {"roleArn": "arn:aws:iam::000000000000:role/ddb",
                                         "putItem": {"tableName": "Readings"}}}]}
            """);
    MqttClient sensor = device("sensor-2");
    sensor.publish("devices/sensor-2/telemetry", bytes("{\"temperature\":21.5}"), 1, false);
    sensor.publish("devices/sensor-2/telemetry", bytes("{\"temperature\":22}"), 0, false);

    await().atMost(WAIT).until(() -> actions().size() == 2);
    assertThat(actions())
        .allSatisfy(
            line -> {
              assertThat(line.get("rule").asText()).isEqualTo("store");
              assertThat(line.get("actionType").asText()).isEqualTo("dynamoDBv2");
              assertThat(line.get("target").asText()).isEqualTo("Readings");
            })
        .extracting(line -> line.get("payload"))
        .containsExactlyInAnyOrder(
            JSON.readTree(
                "{\"temperature\":21.5,\"deviceId\":\"sensor-2\",\"client\":\"sensor-2\"}"),
            JSON.readTree(
                "{\"temperature\":22,\"deviceId\":\"sensor-2\",\"client\":\"sensor-2\"}"));
  }

  @Test
  void basicIngestReachesOnlyTheNamedRuleWithThePrefixRemoved() throws Exception {
    String lambda = "arn:aws:lambda:us-east-1:000000000000:function:f";
    core.registry()
        .topicRules()
        .create(
            "ingest",
            """
            {"sql": "SELECT temperature, topic() AS t FROM 'devices/+/telemetry'",
             "actions": [{"lambda": {"functionArn": "%s"}}]}
            """
                .formatted(lambda));
    core.registry()
        .topicRules()
        .create(
            "other",
            """
            {"sql": "SELECT * FROM 'devices/+/telemetry'",
             "actions": [{"sqs": {"queueUrl": "https://sqs.us-east-1.amazonaws.com/0/q"}}]}
            """);
    // Nothing may subscribe to $aws/rules/# (AWS: Basic Ingest topics cannot be subscribed to; the
    // gateway answers 0x80, see ReservedTopicsMqttTest): a subscriber sees only ordinary publishes.
    List<Received> watched = subscribeAsOperator("devices/#");
    TestPki.Issued cert = Devices.provision(core, "sensor-3");
    allowBasicIngest(cert);
    MqttClient sensor = connect(cert, "sensor-3");

    sensor.publish(
        "$aws/rules/ingest/devices/sensor-3/telemetry", bytes("{\"temperature\":30}"), 1, false);
    await().atMost(WAIT).until(() -> actions().size() == 1);
    JsonNode record = actions().get(0);
    assertThat(record.get("rule").asText()).isEqualTo("ingest");
    assertThat(record.get("target").asText()).isEqualTo(lambda);
    assertThat(record.get("payload"))
        .isEqualTo(JSON.readTree("{\"temperature\":30,\"t\":\"devices/sensor-3/telemetry\"}"));

    // The same device's ordinary publish goes through the broker: to subscribers and both rules.
    sensor.publish("devices/sensor-3/telemetry", bytes("{\"temperature\":31}"), 1, false);
    await().atMost(WAIT).until(() -> actions().size() == 3 && watched.size() == 1);
    assertThat(watched)
        .containsExactly(new Received("devices/sensor-3/telemetry", "{\"temperature\":31}"));

    sensor.publish("$aws/rules/missing/devices/sensor-3/telemetry", bytes("{}"), 1, false);
    await().atMost(WAIT).until(() -> core.rules().stats().ruleNotFound() == 1);
    assertThat(sensor.isConnected()).isTrue();
    assertThat(core.rules().engine().counters("other").matched()).isEqualTo(1);

    // iot:Publish on the $aws/rules topic is required: a device without it is disconnected.
    MqttClient plain = device("sensor-4");
    assertThatThrownBy(
            () ->
                plain.publish(
                    "$aws/rules/ingest/devices/sensor-4/telemetry", bytes("{}"), 1, false))
        .isInstanceOf(MqttException.class);
    await().atMost(WAIT).until(() -> !plain.isConnected());
    assertThat(actions()).hasSize(3);
  }

  @Test
  void failingActionsTriggerTheErrorActionWithAwsFailureDetails() throws Exception {
    core.registry()
        .topicRules()
        .create(
            "fragile",
            """
            {"sql": "SELECT * FROM 'devices/+/telemetry'",
             "actions": [{"republish": {"topic": "$aws/things/${topic(2)}/shadow/update"}},
                         {"republish": {"topic": "alerts/${topic(2)}/#"}},
                         {"republish": {"topic": "fine/${topic(2)}"}}],
             "errorAction": {"republish": {"topic": "errors/${topic(2)}"}}}
            """);
    List<Received> errors = subscribeAsOperator("errors/#", "fine/#");
    MqttClient sensor = device("sensor-5");
    sensor.publish("devices/sensor-5/telemetry", bytes("{\"temperature\":99}"), 1, false);

    await().atMost(WAIT).until(() -> errors.size() == 2);
    assertThat(errors)
        .extracting(Received::topic)
        .containsExactlyInAnyOrder("errors/sensor-5", "fine/sensor-5");
    JsonNode error =
        JSON.readTree(
            errors.stream()
                .filter(r -> r.topic().startsWith("errors/"))
                .findFirst()
                .orElseThrow()
                .payload());
    assertThat(error.get("ruleName").asText()).isEqualTo("fragile");
    assertThat(error.get("topic").asText()).isEqualTo("devices/sensor-5/telemetry");
    assertThat(error.get("clientId").asText()).isEqualTo("sensor-5");
    assertThat(new String(Base64.getDecoder().decode(error.get("base64OriginalPayload").asText())))
        .isEqualTo("{\"temperature\":99}");
    assertThat(error.get("failures")).hasSize(2);
    assertThat(error.get("failures").findValuesAsText("failedAction"))
        .containsOnly("RepublishAction");
    assertThat(error.get("failures").findValuesAsText("errorMessage"))
        .anySatisfy(m -> assertThat(m).contains("$$"));
    assertThat(core.rules().engine().counters("fragile")).isEqualTo(new RuleCounters(1, 1, 2));
  }

  @Test
  void serviceAndHttpPublishesReachRulesToo() throws Exception {
    core.registry()
        .topicRules()
        .create(
            "documents",
            """
            {"sql": "SELECT current.state.reported.on AS lampOn, topic(3) AS thing FROM '$aws/things/+/shadow/update/documents'",
             "actions": [{"s3": {"bucketName": "shadow-history", "key": "${topic(3)}"}}]}
            """);
    core.registry()
        .topicRules()
        .create(
            "presence",
            """
            {"sql": "SELECT clientId, eventType FROM '$aws/events/presence/connected/+'",
             "actions": [{"sns": {"targetArn": "arn:aws:sns:us-east-1:000000000000:presence"}}]}
            """);
    core.registry()
        .topicRules()
        .create(
            "http",
            """
            {"sql": "SELECT *, clientid() AS c FROM 'commands/+'",
             "actions": [{"kinesis": {"streamName": "commands"}}]}
            """);

    MqttClient lamp = device("lamp");
    lamp.publish(
        "$aws/things/lamp/shadow/update",
        bytes("{\"state\":{\"reported\":{\"on\":true}}}"),
        1,
        false);
    try (LocalHttpApi api = startPublishApi();
        IotDataPlaneClient data = AwsClients.data(api.url())) {
      data.publish(
          b -> b.topic("commands/lamp").qos(1).payload(SdkBytes.fromUtf8String("{\"x\":1}")));
    }

    await().atMost(WAIT).until(() -> actions().size() == 3);
    assertThat(actions())
        .extracting(l -> l.get("rule").asText() + " " + l.get("payload"))
        .containsExactlyInAnyOrder(
            "documents {\"lampOn\":true,\"thing\":\"lamp\"}",
            "presence {\"clientId\":\"lamp\",\"eventType\":\"connected\"}",
            "http {\"x\":1,\"c\":\"n/a\"}");
  }

  @Test
  void rulesFollowTheRegistryAndSurviveRestartWithStatsOnDisk() throws Exception {
    core.registry().topicRules().create("hot", HOT_RULE);
    List<Received> alerts = subscribeAsOperator("alerts/#");
    MqttClient sensor = device("sensor-6");
    String topic = "devices/sensor-6/telemetry";

    core.registry().topicRules().setEnabled("hot", false);
    sensor.publish(topic, bytes("{\"temperature\":80}"), 1, false);
    core.registry().topicRules().setEnabled("hot", true);
    sensor.publish(topic, bytes("{\"temperature\":81}"), 1, false);
    await().atMost(WAIT).until(() -> alerts.size() == 1);
    assertThat(alerts.get(0).payload()).contains("81");

    core.registry()
        .topicRules()
        .replace("hot", HOT_RULE.replace("alerts/${topic(2)}", "alerts/v2/${topic(2)}"));
    sensor.publish(topic, bytes("{\"temperature\":82}"), 1, false);
    await().atMost(WAIT).until(() -> alerts.size() == 2);
    assertThat(alerts.get(1).topic()).isEqualTo("alerts/v2/sensor-6");

    core.registry().topicRules().delete("hot");
    sensor.publish(topic, bytes("{\"temperature\":83}"), 1, false);
    core.registry().topicRules().create("hot", HOT_RULE);

    clients.forEach(Devices::closeQuietly);
    clients.clear();
    core.close();
    RulesStats last = RulesStats.read(dir);
    assertThat(last.rules().get("hot").matched()).isEqualTo(2);
    assertThat(last.dropped()).isZero();

    core = LocalIotCore.start(LocalIotCoreConfig.defaults(dir));
    List<Received> after = subscribeAsOperator("alerts/#");
    device("sensor-6").publish(topic, bytes("{\"temperature\":84}"), 1, false);
    await().atMost(WAIT).until(() -> after.size() == 1);
    assertThat(after.get(0))
        .isEqualTo(new Received("alerts/sensor-6", "{\"temperature\":84,\"device\":\"sensor-6\"}"));
  }

  private LocalHttpApi startPublishApi() {
    return LocalHttpApi.start(
        HttpApiConfig.defaults(),
        List.of(new PublishOperation(new GatewayPublisher(core.gateway(), core.shadowService()))));
  }

  private void allowBasicIngest(TestPki.Issued cert) {
    String account = core.config().accountId();
    core.registry()
        .policies()
        .create(
            "basic-ingest",
            """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iot:Publish",
             "Resource":"arn:aws:iot:us-east-1:%s:topic/$aws/rules/*"}]}
            """
                .formatted(account));
    core.registry()
        .policies()
        .attach("basic-ingest", Devices.certificateArn("us-east-1", account, cert.id()));
  }

  private MqttClient device(String thing) throws MqttException {
    return connect(Devices.provision(core, thing), thing);
  }

  private MqttClient connect(TestPki.Issued cert, String clientId) throws MqttException {
    MqttClient client = Devices.connect(dir, core.mqttPort(), cert, clientId);
    clients.add(client);
    return client;
  }

  private List<Received> subscribeAsOperator(String... filters) throws Exception {
    MqttClient client = operator();
    List<Received> received = new CopyOnWriteArrayList<>();
    for (String filter : filters) {
      client.subscribe(
          filter,
          1,
          (t, m) ->
              received.add(new Received(t, new String(m.getPayload(), StandardCharsets.UTF_8))));
    }
    return received;
  }

  /** A client connected with the stand-in's operator identity (may subscribe to anything). */
  private MqttClient operator() throws Exception {
    Path bundle = core.operatorDir();
    MqttClient client =
        new MqttClient(
            "ssl://127.0.0.1:" + core.mqttPort(),
            "iotctl-operator-" + clients.size(),
            new MemoryPersistence());
    client.setTimeToWait(15_000); // no blocking call waits forever
    MqttConnectOptions options = new MqttConnectOptions();
    options.setSocketFactory(
        new NoDelaySocketFactory(
            TlsMaterial.clientContext(
                    Files.readString(bundle.resolve("root-ca.pem")),
                    Files.readString(bundle.resolve("certificate.pem.crt")),
                    Files.readString(bundle.resolve("private.pem.key")))
                .getSocketFactory()));
    options.setCleanSession(true);
    options.setConnectionTimeout(5);
    client.connect(options);
    clients.add(client);
    return client;
  }

  private List<JsonNode> actions() {
    Path file = core.rules().actionsFile();
    try {
      if (!Files.exists(file)) {
        return List.of();
      }
      return Files.readAllLines(file).stream().map(RulesEndToEndTest::parse).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode parse(String line) {
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
