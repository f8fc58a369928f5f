package dev.iotctl.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iotctl.local.gateway.TestPki;
import dev.iotctl.local.http.AwsClients;
import dev.iotctl.local.http.HttpApiConfig;
import dev.iotctl.local.http.PeerScripts;
import dev.iotctl.local.http.StandIn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.LogLevel;
import software.amazon.awssdk.services.iot.model.LogTargetType;

/**
 * V2 logging end to end: boto3 (and then the SDK for Java v2) stores the options and levels, Paho
 * devices connect and publish, and the stand-in's device event log ({@code iot-logs.jsonl}) holds
 * exactly the entries the levels admit — by thing group (a child overriding its parent), client id,
 * default, and nothing at all with {@code disableAllLogs}.
 */
@Tag("peers")
class LoggingLevelsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir Path dir;
  private StandIn standIn;
  private final List<MqttClient> clients = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    PeerScripts.assumeBoto3();
    standIn = new StandIn(dir.resolve("data"), HttpApiConfig.defaults());
  }

  @AfterEach
  void stop() {
    clients.forEach(Devices::closeQuietly);
    if (standIn != null) {
      standIn.close();
    }
  }

  @Test
  void theEventLogHoldsWhatTheLevelsAdmit() throws Exception {
    Map<String, TestPki.Issued> certs =
        Map.of(
            "loud", Devices.provision(standIn.core, "loud"),
            "hushed", Devices.provision(standIn.core, "hushed"),
            "plain", Devices.provision(standIn.core, "plain"),
            "chatty", Devices.provision(standIn.core, "chatty"));
    PeerScripts.Result configured =
        PeerScripts.python(
            dir.resolve("home"), "fidelity/v2_logging.py", standIn.url().toString(), "configure");
    assertThat(configured.output()).as(configured.output()).contains("LOGGING OK");

    MqttClient loud = connect(certs.get("loud"), "loud");
    telemetry(connect(certs.get("hushed"), "hushed"), "hushed");
    telemetry(connect(certs.get("plain"), "plain"), "plain");
    telemetry(connect(certs.get("chatty"), "chatty"), "chatty");
    // plain's certificate may connect only as "plain": a failed Connect is an ERROR entry.
    assertThatThrownBy(() -> connect(certs.get("plain"), "impostor"))
        .isInstanceOf(MqttException.class);
    telemetry(loud, "loud"); // last: once it is logged, everything before it has been handled

    await().atMost(WAIT).until(() -> entries("loud", "Publish-In").size() == 1);
    assertThat(entries("loud", "Connect")).singleElement().satisfies(this::isAwsConnectEntry);
    assertThat(entries("chatty", null))
        .extracting(e -> e.get("eventType").asText())
        .containsExactly("Connect", "Publish-In");
    // (Paho tries MQTT 3.1.1, then 3.1: one failed Connect each.)
    assertThat(entries("impostor", null))
        .isNotEmpty()
        .allSatisfy(
            e -> {
              assertThat(e.get("eventType").asText()).isEqualTo("Connect");
              assertThat(e.get("logLevel").asText()).isEqualTo("ERROR");
              assertThat(e.get("status").asText()).isEqualTo("Failure");
            });
    assertThat(entries("hushed", null)).isEmpty(); // its group is DISABLED
    assertThat(entries("plain", null)).isEmpty(); // the default, ERROR, admits no success
    assertThat(entries("loud", "Publish-In").get(0).get("topicName").asText())
        .isEqualTo("devices/loud/telemetry");

    try (IotClient iot = AwsClients.iot(standIn.url())) {
      // Without the child's level, hushed inherits its parent group's INFO.
      iot.deleteV2LoggingLevel(b -> b.targetType(LogTargetType.THING_GROUP).targetName("muted"));
      MqttClient hushed = clients.get(1);
      telemetry(hushed, "hushed");
      await().atMost(WAIT).until(() -> entries("hushed", "Publish-In").size() == 1);

      iot.setV2LoggingOptions(b -> b.disableAllLogs(true));
      assertThat(iot.getV2LoggingOptions(b -> {}))
          .satisfies(o -> assertThat(o.disableAllLogs()).isTrue())
          .satisfies(o -> assertThat(o.defaultLogLevel()).isEqualTo(LogLevel.ERROR))
          .satisfies(o -> assertThat(o.roleArn()).endsWith(":role/iotLogging"));
      telemetry(loud, "loud");
      telemetry(hushed, "hushed");
      iot.setV2LoggingOptions(b -> b.disableAllLogs(false));
      telemetry(loud, "loud");
      await().atMost(WAIT).until(() -> entries("loud", "Publish-In").size() == 2);
      assertThat(entries("hushed", "Publish-In")).hasSize(1);
    }
    assertThat(standIn.core.events().dropped()).isZero();
  }

  private void isAwsConnectEntry(JsonNode entry) {
    assertThat(entry.get("logLevel").asText()).isEqualTo("INFO");
    assertThat(entry.get("status").asText()).isEqualTo("Success");
    assertThat(entry.get("protocol").asText()).isEqualTo("MQTT");
    assertThat(entry.get("accountId").asText()).isEqualTo(StandIn.ACCOUNT_ID);
    assertThat(entry.get("principalId").asText()).hasSize(64);
    assertThat(entry.get("sourceIp").asText()).isEqualTo("127.0.0.1");
    assertThat(entry.get("timestamp").asText())
        .matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}");
    assertThat(entry.get("traceId").asText()).isNotEmpty();
  }

  private MqttClient connect(TestPki.Issued cert, String clientId) throws MqttException {
    MqttClient client =
        Devices.connect(standIn.core.config().dataDir(), standIn.mqttPort(), cert, clientId);
    clients.add(client);
    return client;
  }

  private static void telemetry(MqttClient client, String thing) throws MqttException {
    client.publish(
        "devices/" + thing + "/telemetry", "{}".getBytes(StandardCharsets.UTF_8), 1, false);
  }

  /** The log's entries for a client id, optionally of one event type, in order. */
  private List<JsonNode> entries(String clientId, String eventType) {
    Path file = standIn.core.events().file();
    try {
      if (!Files.exists(file)) {
        return List.of();
      }
      return Files.readAllLines(file).stream()
          .map(LoggingLevelsTest::parse)
          .filter(e -> clientId.equals(e.path("clientId").asText()))
          .filter(e -> eventType == null || eventType.equals(e.path("eventType").asText()))
          .toList();
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
}
