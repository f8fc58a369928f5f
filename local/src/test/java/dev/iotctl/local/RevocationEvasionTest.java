package dev.iotctl.local;

import static dev.iotctl.local.Devices.closeQuietly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.iotctl.local.gateway.RawMqtt;
import dev.iotctl.local.gateway.TestPki;
import dev.iotctl.local.registry.CertificateStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 10, item 1: whatever a second connection with the same certificate does, every live
 * connection of that certificate is dropped within one second of the certificate leaving {@code
 * ACTIVE}.
 */
class RevocationEvasionTest {
  @org.junit.jupiter.api.io.TempDir static Path dir;
  private static LocalIotCore core;
  private static int things;

  /** What the second connection, same certificate and client id, does before the revocation. */
  enum SecondConnection {
    /** CONNECT with protocol level 5, which the broker refuses. */
    REFUSED_PROTOCOL_LEVEL,
    /** TLS handshake, then closes without CONNECT. */
    TLS_ONLY_THEN_CLOSED,
    /** TLS handshake, then stays open without CONNECT. */
    TLS_ONLY_KEPT_OPEN,
    /** CONNECT, then closes before reading the CONNACK. */
    ABANDONED_CONNECT
  }

  @BeforeAll
  static void start() {
    core = LocalIotCore.start(LocalIotCoreConfig.defaults(dir));
  }

  @AfterAll
  static void stop() {
    core.close();
  }

  static Stream<Arguments> attempts() {
    return Stream.of(SecondConnection.values())
        .flatMap(
            s ->
                Stream.of(CertificateStatus.INACTIVE, CertificateStatus.REVOKED)
                    .map(status -> Arguments.of(s, status)));
  }

  @ParameterizedTest(name = "{0}, then {1}")
  @MethodSource("attempts")
  void everyConnectionOfTheCertificateIsDroppedWithinOneSecond(
      SecondConnection second, CertificateStatus status) throws Exception {
    String thing = "lamp-" + ++things;
    TestPki.Issued cert = Devices.provision(core, thing);
    SSLContext tls = TestPki.clientContext(cert, Devices.rootCa(dir));
    String commands = "devices/" + thing + "/commands";

    MqttClient victim = Devices.connect(dir, core.mqttPort(), cert, thing);
    AtomicLong lostAt = new AtomicLong();
    List<String> received = new CopyOnWriteArrayList<>();
    victim.setCallback(new Recorder(lostAt, received));
    victim.subscribe(commands, 1);
    RawMqtt open = null;
    try {
      core.gateway().publish(commands, "before".getBytes(StandardCharsets.UTF_8));
      await().atMost(Duration.ofSeconds(5)).until(() -> received.contains("before"));

      RawMqtt attacker = RawMqtt.open(core.mqttPort(), tls);
      switch (second) {
        case REFUSED_PROTOCOL_LEVEL -> {
          attacker.send(RawMqtt.Packets.connect(thing, 5, 60));
          assertThat(attacker.closedWithin(Duration.ofSeconds(5))).isTrue();
          attacker.close();
        }
        case TLS_ONLY_THEN_CLOSED -> attacker.close();
        case TLS_ONLY_KEPT_OPEN -> open = attacker;
        case ABANDONED_CONNECT -> {
          attacker.send(RawMqtt.Packets.connect(thing, 4, 60));
          attacker.close();
        }
      }
      if (victim.isConnected()) {
        // A round trip through the broker, so the second connection's end has been processed.
        core.gateway().publish(commands, "between".getBytes(StandardCharsets.UTF_8));
        await()
            .atMost(Duration.ofSeconds(5))
            .until(() -> received.contains("between") || !victim.isConnected());
      }

      long revokedAt = System.nanoTime();
      core.registry().certificates().updateStatus(cert.id(), status);

      await().atMost(Duration.ofSeconds(1)).until(() -> !victim.isConnected());
      if (lostAt.get() > 0) {
        System.out.printf(
            "%s/%s: revocation to drop %d ms%n",
            second, status, Math.max(0, lostAt.get() - revokedAt) / 1_000_000);
      }
      if (open != null) {
        assertThat(open.closedWithin(Duration.ofSeconds(1))).as("the second connection").isTrue();
      }
      received.clear();
      core.gateway().publish(commands, "after".getBytes(StandardCharsets.UTF_8));
      assertThat(received).doesNotContain("after");
    } finally {
      closeQuietly(victim);
      if (open != null) {
        open.close();
      }
    }
  }

  private record Recorder(AtomicLong lostAt, List<String> received) implements MqttCallback {
    @Override
    public void connectionLost(Throwable cause) {
      lostAt.compareAndSet(0, System.nanoTime());
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
      received.add(new String(message.getPayload(), StandardCharsets.UTF_8));
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {}
  }
}
