package dev.iotctl.local;

import static dev.iotctl.local.Devices.closeQuietly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.iotctl.local.gateway.TestPki;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 11, item 3: reserved topics as AWS allows them ("Reserved topics", developer guide: topics
 * beginning with $ are used "as they allow"; unsupported operations terminate the connection). The
 * shipped device policy allows publishing on {@code $aws/things/<thing>/shadow/*}, yet a device may
 * only publish the shadow requests there, never the service's replies.
 */
class ReservedTopicsMqttTest {
  @TempDir static Path dir;
  private static LocalIotCore core;
  private static int things;

  @BeforeAll
  static void start() {
    core = LocalIotCore.start(LocalIotCoreConfig.defaults(dir));
  }

  @AfterAll
  static void stop() {
    core.close();
  }

  private record Device(String thing, MqttClient client) {}

  private static Device device() throws MqttException {
    String thing = "reserved-" + ++things;
    TestPki.Issued cert = Devices.provision(core, thing);
    return new Device(thing, Devices.connect(dir, core.mqttPort(), cert, thing));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"update/accepted", "update/delta", "get/rejected"})
  void aDeviceMayNotPublishTheShadowServicesReplies(String reply) throws Exception {
    Device forger = device();
    try {
      List<String> seen = new CopyOnWriteArrayList<>();
      String shadow = "$aws/things/" + forger.thing() + "/shadow/";
      // Its policy allows iot:Publish on its own shadow/*, replies included; it watches them
      // itself (core's ReservedTopicsTest covers every reply topic).
      forger
          .client()
          .subscribe(shadow + "#", 1, (t, m) -> seen.add(t + " " + text(m.getPayload())));
      assertThatThrownBy(
              () -> forger.client().publish(shadow + reply, bytes("{\"forged\":true}"), 1, false))
          .isInstanceOf(MqttException.class);
      await().atMost(Duration.ofSeconds(2)).until(() -> !forger.client().isConnected());
      assertThat(seen).noneMatch(s -> s.contains("forged"));
    } finally {
      closeQuietly(forger.client());
    }
  }

  @Test
  void shadowRequestsStillWork() throws Exception {
    Device device = device();
    try {
      String shadow = "$aws/things/" + device.thing() + "/shadow/";
      List<String> seen = new CopyOnWriteArrayList<>();
      device.client().subscribe(shadow + "update/accepted", 1, (t, m) -> seen.add(t));
      device
          .client()
          .publish(shadow + "update", bytes("{\"state\":{\"reported\":{\"on\":1}}}"), 1, false);
      await().atMost(Duration.ofSeconds(5)).until(() -> seen.contains(shadow + "update/accepted"));
    } finally {
      closeQuietly(device.client());
    }
  }

  @Test
  void aRetainedPublishToAReservedTopicDisconnects() throws Exception {
    Device device = device();
    try {
      String update = "$aws/things/" + device.thing() + "/shadow/update";
      assertThatThrownBy(() -> device.client().publish(update, bytes("{\"state\":{}}"), 1, true))
          .isInstanceOf(MqttException.class);
      await().atMost(Duration.ofSeconds(2)).until(() -> !device.client().isConnected());
    } finally {
      closeQuietly(device.client());
    }
  }

  @Test
  void reservedFiltersAClientMayNotSubscribeToGet0x80() throws Exception {
    String operatorPolicy =
        """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iot:*","Resource":"*"}]}""";
    TestPki.Issued cert = Devices.provision(core, "reserved-op", "reserved-all", operatorPolicy);
    MqttClient client = Devices.connect(dir, core.mqttPort(), cert, "reserved-op");
    try {
      IMqttToken token =
          client.subscribeWithResponse(
              new String[] {
                "$aws/rules/myRule", "$aws/things/t/jobs/get", "$SYS/#", "$aws/things/+/shadow/#"
              },
              new int[] {1, 1, 1, 1});
      token.waitForCompletion(5000);
      assertThat(token.getGrantedQos()).containsExactly(0x80, 0x80, 0x80, 1);

      // Even allowed everything by its policy, a client may not publish an AWS event.
      assertThatThrownBy(
              () -> client.publish("$aws/events/presence/connected/someone", bytes("{}"), 1, false))
          .isInstanceOf(MqttException.class);
      await().atMost(Duration.ofSeconds(2)).until(() -> !client.isConnected());
    } finally {
      closeQuietly(client);
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }
}
