package dev.iotctl.cli.certs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iotctl.cli.CliRunner;
import dev.iotctl.cli.LocalStandIn;
import dev.iotctl.cli.framework.ExitCodes;
import dev.iotctl.cli.framework.Json;
import dev.iotctl.core.pki.Pem;
import dev.iotctl.core.policy.PolicyTemplate;
import dev.iotctl.device.mqtt.DeviceConnection;
import dev.iotctl.device.mqtt.DeviceConnectionException;
import dev.iotctl.device.mqtt.DeviceConnectionSettings;
import dev.iotctl.device.mqtt.Qos;
import dev.iotctl.device.tls.DeviceTls;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code iotctl certs} against a running stand-in, through the SDK and the HTTP API. */
class CertsCommandsTest {
  @TempDir static Path dir;
  static LocalStandIn standIn;
  static Path out;

  @BeforeAll
  static void start() throws Exception {
    standIn = new LocalStandIn(dir.resolve("stand-in"), false);
    out = dir.resolve("certs");
    Path policy = dir.resolve("device.json");
    Files.writeString(
        policy,
        PolicyTemplate.render(
            Files.readString(Path.of("../policies/device.json")),
            standIn.core.config().region(),
            standIn.core.config().accountId()));
    assertThat(standIn.run("policy", "create", "device", "--file", policy.toString()).exitCode())
        .isZero();
  }

  @AfterAll
  static void stop() {
    standIn.close();
  }

  @Test
  void issueWritesAWorkingBundleWithAPrivateKeyOnlyTheOwnerCanRead() throws Exception {
    JsonNode issued = issue("sensor-a");
    assertThat(issued.path("outcome").asText()).isEqualTo("ISSUED");
    Path bundle = out.resolve("sensor-a");
    Path key = bundle.resolve(DeviceBundle.PRIVATE_KEY);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
        .isEqualTo("rw-------");
    assertKeyMatchesCertificate(bundle);
    JsonNode device = Json.MAPPER.readTree(bundle.resolve(DeviceBundle.DEVICE_JSON).toFile());
    assertThat(device.path("certificateId").asText())
        .isEqualTo(issued.path("certificateId").asText());
    assertThat(device.path("port").asInt()).isEqualTo(standIn.core.mqttPort());
    assertThat(device.path("command").toString())
        .contains("\"device\",\"run\"", bundle.toAbsolutePath().toString());
    assertThat(device.path("endpointFile").asText())
        .isEqualTo(standIn.dataDir.resolve("endpoint.json").toAbsolutePath().toString());
    try (DeviceConnection c = connect(bundle, "sensor-a")) {
      c.publish(
              "devices/sensor-a/telemetry",
              "{}".getBytes(StandardCharsets.UTF_8),
              Qos.AT_LEAST_ONCE)
          .get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void reissuingAnIssuedDeviceChangesNothing() {
    JsonNode first = issue("sensor-b");
    int before = certificateCount();
    JsonNode again = issue("sensor-b");
    assertThat(again.path("outcome").asText()).isEqualTo("ALREADY_ISSUED");
    assertThat(again.path("certificateId").asText())
        .isEqualTo(first.path("certificateId").asText());
    assertThat(certificateCount()).isEqualTo(before);
  }

  @Test
  void unknownPolicyFailsBeforeAnythingIsCreated() {
    int before = certificateCount();
    CliRunner.Result r =
        standIn.run(
            "certs",
            "issue",
            "sensor-x",
            "--policy",
            "nope",
            "--create-thing",
            "--out",
            out.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(r.err()).contains("policy nope does not exist");
    assertThat(certificateCount()).isEqualTo(before);
  }

  @Test
  void revokingOneDeviceDisconnectsItAndLeavesTheOthersWorking() throws Exception {
    issue("sensor-c");
    issue("sensor-d");
    try (DeviceConnection c = connect(out.resolve("sensor-c"), "sensor-c");
        DeviceConnection d = connect(out.resolve("sensor-d"), "sensor-d")) {
      CliRunner.Result r = standIn.run("certs", "revoke", "sensor-c", "--reason", "key leaked");
      assertThat(r.exitCode()).as(r.err()).isZero();
      JsonNode result = Json.MAPPER.readTree(r.out());
      assertThat(result.path("revoked").get(0).path("detachedPolicies").toString())
          .contains("device");
      JsonNode others = result.path("otherCertificates");
      assertThat(others.path("count").asInt()).isPositive();
      assertThat(others.path("unchanged").asInt()).isEqualTo(others.path("count").asInt());

      await().atMost(Duration.ofSeconds(2)).until(() -> !c.isConnected());
      d.publish(
              "devices/sensor-d/telemetry",
              "{}".getBytes(StandardCharsets.UTF_8),
              Qos.AT_LEAST_ONCE)
          .get(10, TimeUnit.SECONDS);
      assertThat(d.isConnected()).isTrue();
    }
    try {
      connect(out.resolve("sensor-c"), "sensor-c").close();
      throw new AssertionError("a revoked certificate connected");
    } catch (DeviceConnectionException expected) {
      // refused during the handshake
    }
    JsonNode described =
        Json.MAPPER
            .readTree(standIn.run("certs", "describe", "sensor-d").out())
            .path("certificates")
            .get(0);
    assertThat(described.path("status").asText()).isEqualTo("ACTIVE");
    assertThat(described.path("daysToExpiry").asLong()).isPositive();
    assertThat(described.path("things").toString()).contains("sensor-d");
  }

  @Test
  void rotationKeepsBothWorkingUntilTheOldOneIsRevoked() throws Exception {
    JsonNode first = issue("sensor-e");
    CliRunner.Result rotated = standIn.run("certs", "rotate", "sensor-e", "--out", out.toString());
    assertThat(rotated.exitCode()).as(rotated.err()).isZero();
    Path next = out.resolve("sensor-e.next");
    try (DeviceConnection oldOne = connect(out.resolve("sensor-e"), "sensor-e")) {
      assertThat(oldOne.isConnected()).isTrue();
    }
    try (DeviceConnection newOne = connect(next, "sensor-e")) {
      assertThat(newOne.isConnected()).isTrue();
    }
    CliRunner.Result finish =
        standIn.run("certs", "rotate", "sensor-e", "--out", out.toString(), "--revoke-old");
    assertThat(finish.exitCode()).as(finish.err()).isZero();
    JsonNode result = Json.MAPPER.readTree(finish.out());
    assertThat(result.path("oldRevoked").asBoolean()).isTrue();
    DeviceBundle promoted = DeviceBundle.read(out.resolve("sensor-e")).orElseThrow();
    assertThat(promoted.certificateId()).isNotEqualTo(first.path("certificateId").asText());
    try (DeviceConnection promotedOne = connect(out.resolve("sensor-e"), "sensor-e")) {
      assertThat(promotedOne.isConnected()).isTrue();
    }
  }

  @Test
  void listFiltersByThingAndStatus() throws Exception {
    issue("sensor-f");
    JsonNode list =
        Json.MAPPER.readTree(
            standIn.run("certs", "list", "--thing", "sensor-f", "--status", "ACTIVE").out());
    assertThat(list.path("certificates")).hasSize(1);
  }

  private static JsonNode issue(String device) {
    CliRunner.Result r =
        standIn.run(
            "certs",
            "issue",
            device,
            "--policy",
            "device",
            "--create-thing",
            "--out",
            out.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    try {
      return Json.MAPPER.readTree(r.out());
    } catch (java.io.IOException e) {
      throw new AssertionError(r.out(), e);
    }
  }

  static int certificateCount() {
    return certificateCount(standIn);
  }

  static int certificateCount(LocalStandIn standIn) {
    int count = 0;
    String marker = null;
    do {
      var page = standIn.core.registry().certificates().list(true, 250, marker);
      count += page.items().size();
      marker = page.nextToken().orElse(null);
    } while (marker != null);
    return count;
  }

  static DeviceConnection connect(Path bundle, String clientId) throws Exception {
    DeviceBundle b = DeviceBundle.read(bundle).orElseThrow();
    return DeviceConnection.open(
        DeviceConnectionSettings.of(b.endpoint(), b.port(), clientId),
        DeviceTls.fromPemFiles(
            bundle.resolve(DeviceBundle.ROOT_CA),
            bundle.resolve(DeviceBundle.CERTIFICATE),
            bundle.resolve(DeviceBundle.PRIVATE_KEY)));
  }

  static void assertKeyMatchesCertificate(Path bundle) throws Exception {
    var key = Pem.parsePrivateKey(Files.readString(bundle.resolve(DeviceBundle.PRIVATE_KEY)));
    var cert = Pem.parseCertificate(Files.readString(bundle.resolve(DeviceBundle.CERTIFICATE)));
    var signature = java.security.Signature.getInstance("SHA256withECDSA");
    signature.initSign(key);
    byte[] data = "proof".getBytes(StandardCharsets.UTF_8);
    signature.update(data);
    byte[] signed = signature.sign();
    signature.initVerify(cert.getPublicKey());
    signature.update(data);
    assertThat(signature.verify(signed)).as("key matches certificate in " + bundle).isTrue();
  }
}
