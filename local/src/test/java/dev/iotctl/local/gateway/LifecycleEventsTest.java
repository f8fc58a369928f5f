package dev.iotctl.local.gateway;

import static dev.iotctl.local.gateway.GatewayFixture.closeQuietly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LifecycleEventsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private GatewayFixture f;
  private MqttClient watcher;
  private final List<JsonNode> events = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    f = new GatewayFixture();
    watcher = f.connect(f.registeredDevice("operator", "watcher"), "watcher");
    watcher.subscribe(
        "$aws/events/presence/+/+",
        1,
        (topic, m) -> {
          JsonNode event = JSON.readTree(m.getPayload());
          if (!event.get("clientId").asText().equals("watcher")) {
            assertThat(topic).endsWith("/" + event.get("eventType").asText() + "/lamp");
            events.add(event);
          }
        });
  }

  @AfterEach
  void stop() {
    closeQuietly(watcher);
    f.close();
  }

  @Test
  void connectAndClientInitiatedDisconnect() throws Exception {
    TestPki.Issued lamp = f.registeredDevice("thing", "lamp");
    MqttClient client = f.connect(lamp, "lamp");
    client.disconnect(2000);
    client.close();
    await().atMost(Duration.ofSeconds(5)).until(() -> events.size() == 2);

    JsonNode connected = events.get(0);
    assertThat(connected.get("eventType").asText()).isEqualTo("connected");
    assertThat(connected.get("clientId").asText()).isEqualTo("lamp");
    assertThat(connected.get("principalIdentifier").asText()).isEqualTo(lamp.id());
    assertThat(connected.get("ipAddress").asText()).isEqualTo("127.0.0.1");
    assertThat(connected.get("timestamp").asLong()).isPositive();
    assertThat(connected.get("versionNumber").asLong()).isZero();

    JsonNode disconnected = events.get(1);
    assertThat(disconnected.get("eventType").asText()).isEqualTo("disconnected");
    assertThat(disconnected.get("disconnectReason").asText())
        .isEqualTo("CLIENT_INITIATED_DISCONNECT");
    assertThat(disconnected.get("clientInitiatedDisconnect").asBoolean()).isTrue();
    assertThat(disconnected.get("sessionIdentifier").asText())
        .isEqualTo(connected.get("sessionIdentifier").asText());
  }

  @Test
  void revocationIsAnAuthErrorAndALostSocketIsConnectionLost() throws Exception {
    TestPki.Issued lamp = f.registeredDevice("thing", "lamp");
    MqttClient first = f.connect(lamp, "lamp");
    f.directory.setStatus(lamp.id(), "INACTIVE");
    f.gateway.certificateChanged(lamp.id());
    await().atMost(Duration.ofSeconds(5)).until(() -> events.size() == 2);
    assertThat(events.get(1).get("disconnectReason").asText()).isEqualTo("AUTH_ERROR");
    assertThat(events.get(1).get("clientInitiatedDisconnect").asBoolean()).isFalse();
    closeQuietly(first);

    f.directory.setStatus(lamp.id(), "ACTIVE");
    MqttClient second = f.connect(lamp, "lamp");
    MqttClient takeover = f.connect(lamp, "lamp");
    await().atMost(Duration.ofSeconds(5)).until(() -> events.size() == 5);
    assertThat(events.stream().map(e -> e.path("disconnectReason").asText()))
        .contains("DUPLICATE_CLIENTID");
    assertThat(events.get(4).get("versionNumber").asLong()).isEqualTo(2);
    closeQuietly(second);
    closeQuietly(takeover);
  }
}
