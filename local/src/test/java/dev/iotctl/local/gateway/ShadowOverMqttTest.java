package dev.iotctl.local.gateway;

import static dev.iotctl.local.gateway.GatewayFixture.closeQuietly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iotctl.core.shadow.ShadowEngine;
import dev.iotctl.local.shadow.ShadowMqttBridge;
import dev.iotctl.local.shadow.ShadowService;
import dev.iotctl.local.shadow.ShadowStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Device Shadow service over MQTT through the gateway, with real policies. */
class ShadowOverMqttTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static GatewayFixture f;
  private static ShadowService shadows;

  /** Shadow storage for this test; the registry's SQLite store backs it in the stand-in. */
  static final class MapStore implements ShadowStore {
    private final Map<String, String> map = new ConcurrentHashMap<>();

    @Override
    public Optional<String> load(String thing, String shadow) {
      return Optional.ofNullable(map.get(thing + "/" + shadow));
    }

    @Override
    public void save(String thing, String shadow, String json) {
      map.put(thing + "/" + shadow, json);
    }
  }

  @BeforeAll
  static void start() throws Exception {
    f = new GatewayFixture();
    shadows = new ShadowService(new ShadowEngine(), new MapStore(), f.gateway::publish);
    f.gateway.setDevicePublishListener(new ShadowMqttBridge(shadows));
  }

  @AfterAll
  static void stop() {
    shadows.close();
    f.close();
  }

  /**
   * The service's responses seen by a device. A {@code shadow/#} subscription also delivers the
   * device's own requests (as on AWS), which may be malformed on purpose: they are skipped, since a
   * Paho listener that throws makes Paho drop the connection — which is why a rejected malformed
   * update once seemed never to arrive.
   */
  private static final class Inbox {
    final Map<String, JsonNode> last = new ConcurrentHashMap<>();

    void subscribe(MqttClient c, String filter) throws MqttException {
      c.subscribe(
          filter,
          1,
          (t, m) -> {
            if (t.matches(".*/(accepted|rejected|delta|documents)")) {
              last.put(t.substring(t.indexOf("/shadow/") + 8), JSON.readTree(m.getPayload()));
            }
          });
    }

    JsonNode await(String suffix) {
      return org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> last.remove(suffix), n -> n != null);
    }
  }

  private static void send(MqttClient c, String topic, String json) throws MqttException {
    c.publish(topic, json.getBytes(StandardCharsets.UTF_8), 1, false);
  }

  @Test
  void updateGetVersionConflictAndClientTokenEcho() throws Exception {
    MqttClient lamp = f.connect(f.registeredDevice("thing", "lamp"), "lamp");
    try {
      Inbox inbox = new Inbox();
      inbox.subscribe(lamp, "$aws/things/lamp/shadow/#");
      String base = "$aws/things/lamp/shadow/";
      send(lamp, base + "update", "{\"state\":{\"desired\":{\"on\":true}},\"clientToken\":\"t1\"}");
      JsonNode accepted = inbox.await("update/accepted");
      assertThat(accepted.get("clientToken").asText()).isEqualTo("t1");
      assertThat(accepted.get("version").asLong()).isEqualTo(1);
      assertThat(inbox.await("update/delta").at("/state/on").asBoolean()).isTrue();
      assertThat(inbox.await("update/documents").at("/current/version").asLong()).isEqualTo(1);

      send(
          lamp,
          base + "update",
          "{\"state\":{\"reported\":{\"on\":false}},\"version\":7,\"clientToken\":\"t2\"}");
      JsonNode rejected = inbox.await("update/rejected");
      assertThat(rejected.get("code").asInt()).isEqualTo(409);
      assertThat(rejected.get("clientToken").asText()).isEqualTo("t2");

      send(lamp, base + "get", "{\"clientToken\":\"t3\"}");
      JsonNode got = inbox.await("get/accepted");
      assertThat(got.get("clientToken").asText()).isEqualTo("t3");
      assertThat(got.at("/state/desired/on").asBoolean()).isTrue();

    } finally {
      closeQuietly(lamp);
    }
  }

  @Test
  void serviceSideUpdateReachesMqttSubscribers() throws Exception {
    MqttClient fan = f.connect(f.registeredDevice("thing", "fan"), "fan");
    try {
      Inbox inbox = new Inbox();
      inbox.subscribe(fan, "$aws/things/fan/shadow/name/speed/update/+");
      shadows.update(
          "fan",
          "speed",
          "{\"state\":{\"desired\":{\"rpm\":900}}}".getBytes(StandardCharsets.UTF_8));
      assertThat(inbox.await("name/speed/update/delta").at("/state/rpm").asInt()).isEqualTo(900);
      assertThat(
              inbox.await("name/speed/update/documents").at("/current/state/desired/rpm").asInt())
          .isEqualTo(900);
    } finally {
      closeQuietly(fan);
    }
  }

  @Test
  void malformedUpdatesOfClassicAndNamedShadowsAreRejectedOverMqtt() throws Exception {
    MqttClient lamp = f.connect(f.registeredDevice("thing", "lamp-2"), "lamp-2");
    try {
      Inbox inbox = new Inbox();
      inbox.subscribe(lamp, "$aws/things/lamp-2/shadow/#");
      String base = "$aws/things/lamp-2/shadow/";
      for (String prefix : new String[] {"", "name/cfg/"}) {
        send(lamp, base + prefix + "update", "{\"state\":5,\"clientToken\":\"m1\"}");
        JsonNode rejected = inbox.await(prefix + "update/rejected");
        assertThat(rejected.get("code").asInt()).as(prefix).isEqualTo(400);
        assertThat(rejected.get("clientToken").asText()).as(prefix).isEqualTo("m1");
        send(lamp, base + prefix + "update", "not json");
        assertThat(inbox.await(prefix + "update/rejected").get("code").asInt())
            .as(prefix)
            .isEqualTo(400);
      }
    } finally {
      closeQuietly(lamp);
    }
  }

  @Test
  void updatingAnotherThingsShadowDisconnects() throws Exception {
    MqttClient nosy = f.connect(f.registeredDevice("thing", "nosy"), "nosy");
    try {
      assertThatThrownBy(
              () -> send(nosy, "$aws/things/lamp/shadow/update", "{\"state\":{\"desired\":{}}}"))
          .isInstanceOf(MqttException.class);
      await().atMost(Duration.ofSeconds(2)).until(() -> !nosy.isConnected());
    } finally {
      closeQuietly(nosy);
    }
  }
}
