package dev.iotctl.device.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.iotctl.core.pki.KeyType;
import dev.iotctl.device.testing.MosquittoBroker;
import dev.iotctl.device.testing.TestBed;
import dev.iotctl.device.testing.TestPki;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceConnectionTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir static Path directory;
  static TestBed bed;

  @BeforeAll
  static void startBroker() {
    bed = new TestBed(directory);
  }

  @AfterAll
  static void stopBroker() {
    bed.close();
  }

  @Test
  void publishesAndReceivesAtBothQosLevelsWithEcAndRsaCertificates() throws Exception {
    TestPki.Issued rsaDevice =
        bed.pki().device("rsa-device", KeyType.RSA_2048, TestPki.KeyFormat.TRADITIONAL);
    try (DeviceConnection receiver = bed.connect("ec-device");
        DeviceConnection sender =
            DeviceConnection.open(bed.settings("rsa-device"), bed.tls(rsaDevice))) {
      List<String> received = new CopyOnWriteArrayList<>();
      receiver
          .subscribe(
              "data/+",
              Qos.AT_LEAST_ONCE,
              (topic, payload) ->
                  received.add(topic + " " + new String(payload, StandardCharsets.UTF_8)))
          .get(10, TimeUnit.SECONDS);

      sender.publish("data/a", bytes("zero"), Qos.AT_MOST_ONCE).get(10, TimeUnit.SECONDS);
      sender.publish("data/b", bytes("one"), Qos.AT_LEAST_ONCE).get(10, TimeUnit.SECONDS);
      sender.publish("other/c", bytes("ignored"), Qos.AT_LEAST_ONCE).get(10, TimeUnit.SECONDS);

      await().atMost(WAIT).until(() -> received.size() >= 2);
      assertThat(received).containsExactly("data/a zero", "data/b one");
      assertThat(receiver.isConnected()).isTrue();
      assertThat(receiver.clientId()).isEqualTo("ec-device");
    }
  }

  @Test
  void connectsByHostnameCoveredByTheServerCertificate() {
    DeviceConnectionSettings byName =
        DeviceConnectionSettings.of("localhost", bed.broker().port(), "by-name");
    try (DeviceConnection connection =
        DeviceConnection.open(byName, bed.tls(bed.device("by-name")))) {
      assertThat(connection.isConnected()).isTrue();
    }
  }

  @Test
  void refusesABrokerSignedByAnUnknownCa() throws Exception {
    TestPki stranger = TestPki.create(directory.resolve("stranger"), "stranger-root");
    TestPki.Issued device = bed.device("trusts-stranger");
    SSLContext trustsOnlyStranger =
        dev.iotctl.device.tls.DeviceTls.create(
            List.of(stranger.caCertificate()), List.of(device.x509()), device.key());

    assertThatThrownBy(
            () -> DeviceConnection.open(bed.settings("trusts-stranger"), trustsOnlyStranger))
        .isInstanceOf(DeviceConnectionException.class)
        .hasMessageContaining("Could not connect")
        .hasRootCauseInstanceOf(java.security.cert.CertPathBuilderException.class);
  }

  @Test
  void brokerRefusesADeviceCertificateFromAnUnknownCa() throws Exception {
    TestPki stranger = TestPki.create(directory.resolve("rogue"), "rogue-root");
    TestPki.Issued rogue =
        stranger.device("rogue-device", KeyType.EC_P256, TestPki.KeyFormat.PKCS8);
    SSLContext rogueTls =
        dev.iotctl.device.tls.DeviceTls.create(
            List.of(bed.pki().caCertificate()), List.of(rogue.x509()), rogue.key());

    assertThatThrownBy(() -> DeviceConnection.open(bed.settings("rogue-device"), rogueTls))
        .isInstanceOf(DeviceConnectionException.class);
  }

  @Test
  void refusesAServerCertificateForAnotherHost() {
    TestPki.Issued wrongName = bed.pki().server("elsewhere", List.of("iot.example.com"), List.of());
    try (MosquittoBroker elsewhere =
        MosquittoBroker.start(directory.resolve("elsewhere"), bed.pki(), wrongName)) {
      DeviceConnectionSettings settings =
          DeviceConnectionSettings.of("127.0.0.1", elsewhere.port(), "checks-hostname");

      assertThatThrownBy(
              () -> DeviceConnection.open(settings, bed.tls(bed.device("checks-hostname"))))
          .isInstanceOf(DeviceConnectionException.class)
          .hasRootCauseInstanceOf(java.security.cert.CertificateException.class)
          .rootCause()
          .hasMessageContaining("127.0.0.1");
    }
  }

  @Test
  void reconnectsWithBackoffAndResubscribesAfterTheBrokerRestarts() throws Exception {
    List<String> events = new CopyOnWriteArrayList<>();
    List<String> received = new CopyOnWriteArrayList<>();
    List<Duration> delays = new CopyOnWriteArrayList<>();
    try (DeviceConnection device = bed.connect("survivor")) {
      device.addListener(
          new ConnectionListener() {
            @Override
            public void reconnected() {
              events.add("reconnected");
            }

            @Override
            public void connectionLost(Throwable cause) {
              events.add("lost");
            }

            @Override
            public void reconnectScheduled(int attempt, Duration delay) {
              delays.add(delay);
              events.add("retry");
            }
          });
      device
          .subscribe(
              "commands/survivor",
              Qos.AT_LEAST_ONCE,
              (topic, payload) -> received.add(new String(payload, StandardCharsets.UTF_8)))
          .get(10, TimeUnit.SECONDS);

      bed.broker().stop();
      await().atMost(WAIT).until(() -> events.contains("lost"));
      assertThat(device.isConnected()).isFalse();
      assertThat(device.publish("x", bytes("offline"), Qos.AT_LEAST_ONCE))
          .failsWithin(WAIT)
          .withThrowableOfType(java.util.concurrent.ExecutionException.class)
          .withCauseInstanceOf(DeviceConnectionException.class);

      bed.broker().start();
      await().atMost(WAIT).until(() -> events.contains("reconnected"));
      assertThat(events).startsWith("lost", "retry").endsWith("reconnected");
      assertThat(device.isConnected()).isTrue();
      assertThat(delays)
          .isNotEmpty()
          .allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(TestBed.FAST_BACKOFF.max()));

      try (DeviceConnection operator = bed.connect("operator")) {
        operator
            .publish("commands/survivor", bytes("after restart"), Qos.AT_LEAST_ONCE)
            .get(10, TimeUnit.SECONDS);
      }
      await().atMost(WAIT).until(() -> received.contains("after restart"));
    }
  }

  @Test
  void closeStopsReconnecting() {
    List<String> events = new CopyOnWriteArrayList<>();
    DeviceConnection device = bed.connect("closer");
    device.addListener(
        new ConnectionListener() {
          @Override
          public void closed() {
            events.add("closed");
          }
        });
    device.close();
    device.close();

    await().atMost(WAIT).until(() -> events.contains("closed"));
    assertThat(device.isConnected()).isFalse();
    assertThat(events).containsExactly("closed");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
