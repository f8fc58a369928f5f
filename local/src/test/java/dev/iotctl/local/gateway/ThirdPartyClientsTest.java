package dev.iotctl.local.gateway;

import static dev.iotctl.local.gateway.GatewayFixture.closeQuietly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.crt.mqtt.MqttClientConnection;
import software.amazon.awssdk.crt.mqtt.QualityOfService;
import software.amazon.awssdk.iot.AwsIotMqttConnectionBuilder;

/**
 * Unmodified third-party clients against the gateway: the official AWS IoT Device SDK for Java v2
 * (metrics username, ALPN {@code x-amzn-mqtt-ca}) and Debian's mosquitto clients.
 */
class ThirdPartyClientsTest {
  private static GatewayFixture f;
  @TempDir static Path dir;

  @BeforeAll
  static void start() throws Exception {
    f = new GatewayFixture();
    TestPki.writePem(dir.resolve("ca.pem"), f.ca.certificate());
  }

  @AfterAll
  static void stop() {
    f.close();
  }

  /** Writes the device's certificate and key as PEM files; returns their paths. */
  static Path[] pems(TestPki.Issued device, String name) throws Exception {
    Path cert = dir.resolve(name + ".crt");
    Path key = dir.resolve(name + ".key");
    TestPki.writePem(cert, device.certificate());
    TestPki.writePem(key, device.keys().getPrivate());
    return new Path[] {cert, key};
  }

  static MqttClientConnection awsSdkConnection(Path[] pem, String clientId, int port) {
    try (AwsIotMqttConnectionBuilder builder =
        AwsIotMqttConnectionBuilder.newMtlsBuilderFromPath(pem[0].toString(), pem[1].toString())) {
      return builder
          .withCertificateAuthorityFromPath(null, dir.resolve("ca.pem").toString())
          .withEndpoint("127.0.0.1")
          .withPort(port)
          .withClientId(clientId)
          .withCleanSession(true)
          .build();
    }
  }

  @Test
  void awsIotDeviceSdkConnectsPublishesAndReceives() throws Exception {
    Path[] pem = pems(f.registeredDevice("thing", "sdk-1"), "sdk-1");
    MqttClientConnection conn = awsSdkConnection(pem, "sdk-1", f.gateway.port());
    try {
      conn.connect().get(20, TimeUnit.SECONDS);
      List<String> got = new CopyOnWriteArrayList<>();
      conn.subscribe(
              "things/sdk-1/echo",
              QualityOfService.AT_LEAST_ONCE,
              m -> got.add(new String(m.getPayload(), StandardCharsets.UTF_8)))
          .get(10, TimeUnit.SECONDS);
      conn.publish(
              new software.amazon.awssdk.crt.mqtt.MqttMessage(
                  "things/sdk-1/echo",
                  "hello".getBytes(StandardCharsets.UTF_8),
                  QualityOfService.AT_LEAST_ONCE,
                  false))
          .get(10, TimeUnit.SECONDS);
      await().atMost(Duration.ofSeconds(5)).until(() -> got.contains("hello"));
      conn.disconnect().get(10, TimeUnit.SECONDS);
    } finally {
      conn.close();
    }
  }

  @Test
  void awsIotDeviceSdkWithAnotherThingsClientIdIsRefused() throws Exception {
    Path[] pem = pems(f.registeredDevice("thing", "sdk-2"), "sdk-2");
    MqttClientConnection conn = awsSdkConnection(pem, "someone-else", f.gateway.port());
    try {
      CompletableFuture<Boolean> connect = conn.connect();
      assertThat(connect)
          .failsWithin(Duration.ofSeconds(20))
          .withThrowableOfType(java.util.concurrent.ExecutionException.class);
    } finally {
      conn.close();
    }
  }

  @Test
  void mosquittoPubIsAllowedOnItsTopicAndRefusedWhenRevoked() throws Exception {
    TestPki.Issued cert = f.registeredDevice("thing", "mosq-1");
    Path[] pem = pems(cert, "mosq-1");
    MqttClient watcher = f.connect(f.registeredDevice("operator", "watch-1"), "watch-1");
    try {
      List<String> got = new CopyOnWriteArrayList<>();
      watcher.subscribe("things/mosq-1/#", 1, (t, m) -> got.add(m.toString()));
      assertThat(
              mosquitto(
                  "mosquitto_pub", pem, "mosq-1", "-t", "things/mosq-1/x", "-m", "hi", "-q", "1"))
          .isZero();
      await().atMost(Duration.ofSeconds(5)).until(() -> got.contains("hi"));

      assertThat(mosquitto("mosquitto_pub", pem, "not-mine", "-t", "things/mosq-1/x", "-m", "x"))
          .as("a client id that is not an attached thing")
          .isNotZero();

      f.directory.setStatus(cert.id(), "REVOKED");
      assertThat(mosquitto("mosquitto_pub", pem, "mosq-1", "-t", "things/mosq-1/x", "-m", "late"))
          .as("a revoked certificate fails the TLS handshake")
          .isNotZero();
    } finally {
      closeQuietly(watcher);
    }
  }

  @Test
  void mosquittoSubReceivesWhatItMayAndGetsRefusedSubscriptionsOtherwise() throws Exception {
    Path[] pem = pems(f.registeredDevice("thing", "mosq-2"), "mosq-2");
    MqttClient talker = f.connect(f.registeredDevice("operator", "talk-2"), "talk-2");
    try {
      Process sub =
          start(
              "mosquitto_sub",
              pem,
              "mosq-2",
              "-t",
              "things/mosq-2/in",
              "-q",
              "1",
              "-C",
              "1",
              "-W",
              "10");
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> f.gateway.connectedClientIds().contains("mosq-2"));
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () -> {
                talker.publish(
                    "things/mosq-2/in", "ping".getBytes(StandardCharsets.UTF_8), 1, false);
                return sub.waitFor(200, TimeUnit.MILLISECONDS);
              });
      assertThat(sub.exitValue()).isZero();
      assertThat(new String(sub.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
          .contains("ping");

      Process refused =
          start("mosquitto_sub", pem, "mosq-2", "-t", "things/other/secret", "-C", "1", "-W", "5");
      assertThat(refused.waitFor(10, TimeUnit.SECONDS)).isTrue();
      assertThat(refused.exitValue()).as("SUBACK 0x80").isNotZero();
    } finally {
      closeQuietly(talker);
    }
  }

  private static int mosquitto(String tool, Path[] pem, String clientId, String... args)
      throws Exception {
    Process p = start(tool, pem, clientId, args);
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
    return p.exitValue();
  }

  private static Process start(String tool, Path[] pem, String clientId, String... args)
      throws Exception {
    assertThat(Files.isExecutable(Path.of("/usr/bin/" + tool)))
        .as("Debian package mosquitto-clients must be installed")
        .isTrue();
    List<String> cmd = new ArrayList<>(List.of(tool, "--cafile", dir.resolve("ca.pem").toString()));
    cmd.addAll(List.of("--cert", pem[0].toString(), "--key", pem[1].toString()));
    cmd.addAll(
        List.of("-h", "127.0.0.1", "-p", Integer.toString(f.gateway.port()), "-i", clientId));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).redirectErrorStream(true).start();
  }
}
