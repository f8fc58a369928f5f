package dev.iotctl.local.gateway;

import static dev.iotctl.local.gateway.GatewayFixture.closeQuietly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GatewaySecurityTest {
  private static GatewayFixture f;

  @BeforeAll
  static void start() throws Exception {
    f = new GatewayFixture();
  }

  @AfterAll
  static void stop() {
    f.close();
  }

  @Test
  void registeredDevicePublishesAndReceivesOnItsOwnTopics() throws Exception {
    TestPki.Issued cert = f.registeredDevice("thing", "sensor-1");
    MqttClient client = f.connect(cert, "sensor-1");
    try {
      List<String> got = new CopyOnWriteArrayList<>();
      client.subscribe("things/sensor-1/#", 1, (t, m) -> got.add(t + "=" + m));
      client.publish("things/sensor-1/data", "42".getBytes(StandardCharsets.UTF_8), 1, false);
      await().atMost(Duration.ofSeconds(5)).until(() -> got.contains("things/sensor-1/data=42"));
    } finally {
      closeQuietly(client);
    }
  }

  @Test
  void unregisteredCertificateOfTheStandInCaIsRefused() {
    TestPki.Issued cert = TestPki.device(f.ca, "ghost");
    assertRefused(cert, "ghost");
  }

  @Test
  void certificateOfAForeignCaIsRefused() {
    TestPki.Issued cert = TestPki.device(TestPki.ca("someone else"), "intruder");
    assertRefused(cert, "intruder");
  }

  @Test
  void inactiveAndRevokedCertificatesAreRefused() {
    TestPki.Issued inactive = f.registeredDevice("thing", "sleepy");
    f.directory.setStatus(inactive.id(), "INACTIVE");
    assertRefused(inactive, "sleepy");
    TestPki.Issued revoked = f.registeredDevice("thing", "gone");
    f.directory.setStatus(revoked.id(), "REVOKED");
    assertRefused(revoked, "gone");
  }

  @Test
  void selfSignedCertificateRegisteredWithoutCaIsAccepted() throws Exception {
    TestPki.Issued cert = TestPki.selfSigned("byo");
    f.directory.register(cert, "thing", "byo");
    MqttClient client = f.connect(cert, "byo");
    assertThat(client.isConnected()).isTrue();
    closeQuietly(client);
  }

  @Test
  void wrongClientIdIsRefusedWithoutKickingTheOwner() throws Exception {
    TestPki.Issued owner = f.registeredDevice("thing", "owner-1");
    TestPki.Issued other = f.registeredDevice("thing", "other-1");
    MqttClient ownerClient = f.connect(owner, "owner-1");
    try {
      assertRefused(other, "owner-1");
      assertThat(ownerClient.isConnected()).isTrue();
      List<String> got = new CopyOnWriteArrayList<>();
      ownerClient.subscribe("things/owner-1/x", 1, (t, m) -> got.add(m.toString()));
      ownerClient.publish(
          "things/owner-1/x", "still here".getBytes(StandardCharsets.UTF_8), 1, false);
      await().atMost(Duration.ofSeconds(5)).until(() -> got.contains("still here"));
      assertThat(f.gateway.connectedClientIds()).contains("owner-1");
    } finally {
      closeQuietly(ownerClient);
    }
  }

  @Test
  void publishingToAnotherThingsTopicDisconnects() throws Exception {
    TestPki.Issued cert = f.registeredDevice("thing", "nosy-1");
    MqttClient client = f.connect(cert, "nosy-1");
    try {
      assertThatThrownBy(() -> client.publish("things/victim/cmd", new byte[] {1}, 1, false))
          .isInstanceOf(MqttException.class);
      await().atMost(Duration.ofSeconds(2)).until(() -> !client.isConnected());
    } finally {
      closeQuietly(client);
    }
  }

  @Test
  void subscribingToAnotherThingsShadowGetsFailureReturnCode() throws Exception {
    TestPki.Issued cert = f.registeredDevice("thing", "nosy-2");
    MqttClient client = f.connect(cert, "nosy-2");
    try {
      var token =
          client.subscribeWithResponse(
              new String[] {"$aws/things/victim/shadow/update/accepted", "things/nosy-2/in"},
              new int[] {1, 1});
      token.waitForCompletion(5000);
      assertThat(token.getGrantedQos()).containsExactly(0x80, 1);
      assertThat(client.isConnected()).isTrue();
    } finally {
      closeQuietly(client);
    }
  }

  @Test
  void deliveriesDeniedByReceiveAreDroppedAndDoNotStallQos1() throws Exception {
    TestPki.Issued listener = f.registeredDevice("thing", "listener");
    TestPki.Issued talker = f.registeredDevice("thing", "talker");
    MqttClient l = f.connect(listener, "listener");
    MqttClient t = f.connect(talker, "talker");
    try {
      List<String> got = new CopyOnWriteArrayList<>();
      l.subscribe("things/+/data", 1, (topic, m) -> got.add(topic));
      for (int i = 0; i < 50; i++) { // well past Moquette's in-flight window of 10
        t.publish("things/talker/data", new byte[] {1}, 1, false);
      }
      l.publish("things/listener/data", new byte[] {2}, 1, false);
      await().atMost(Duration.ofSeconds(5)).until(() -> got.contains("things/listener/data"));
      assertThat(got).containsOnly("things/listener/data");
    } finally {
      closeQuietly(l);
      closeQuietly(t);
    }
  }

  @Test
  void revokedDeviceIsDisconnectedWithinOneSecondWhileOthersKeepWorking() throws Exception {
    TestPki.Issued victim = f.registeredDevice("thing", "revokee");
    TestPki.Issued bystander = f.registeredDevice("thing", "bystander");
    MqttClient v = f.connect(victim, "revokee");
    MqttClient b = f.connect(bystander, "bystander");
    try {
      AtomicInteger lost = new AtomicInteger();
      v.setCallback(new LostCounter(lost));
      f.directory.setStatus(victim.id(), "REVOKED");
      long start = System.nanoTime();
      f.gateway.certificateChanged(victim.id());
      await().atMost(Duration.ofSeconds(1)).until(() -> lost.get() == 1);
      long ms = (System.nanoTime() - start) / 1_000_000;
      System.out.println("revocation-to-disconnect ms: " + ms);
      assertRefused(victim, "revokee");
      List<String> got = new CopyOnWriteArrayList<>();
      b.subscribe("things/bystander/x", 1, (topic, m) -> got.add(m.toString()));
      b.publish("things/bystander/x", "ok".getBytes(StandardCharsets.UTF_8), 1, false);
      await().atMost(Duration.ofSeconds(5)).until(() -> got.contains("ok"));
    } finally {
      closeQuietly(v);
      closeQuietly(b);
    }
  }

  @Test
  void detachingPoliciesDisconnectsLiveConnections() throws Exception {
    TestPki.Issued cert = f.registeredDevice("thing", "detached");
    MqttClient client = f.connect(cert, "detached");
    try {
      f.directory.setPolicies(cert.id());
      f.gateway.policiesChanged(null);
      await().atMost(Duration.ofSeconds(1)).until(() -> !client.isConnected());
      assertRefused(cert, "detached");
    } finally {
      closeQuietly(client);
    }
  }

  private static void assertRefused(TestPki.Issued cert, String clientId) {
    assertThatThrownBy(() -> closeQuietly(f.connect(cert, clientId)))
        .isInstanceOf(MqttException.class);
  }

  private record LostCounter(AtomicInteger lost)
      implements org.eclipse.paho.client.mqttv3.MqttCallback {
    @Override
    public void connectionLost(Throwable cause) {
      lost.incrementAndGet();
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {}

    @Override
    public void deliveryComplete(org.eclipse.paho.client.mqttv3.IMqttDeliveryToken token) {}
  }
}
