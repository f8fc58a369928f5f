package dev.iotctl.local;

import static dev.iotctl.local.Devices.closeQuietly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iotctl.core.pki.TlsMaterial;
import dev.iotctl.local.gateway.NoDelaySocketFactory;
import dev.iotctl.local.gateway.TestPki;
import dev.iotctl.local.registry.CertificateStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The assembled stand-in: files it owns, restarts, the operator identity. */
class LocalIotCoreTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void firstStartCreatesPkiOperatorAndEndpointAndLaterStartsReuseThem() throws Exception {
    String rootCa;
    String operatorCert;
    try (LocalIotCore core = LocalIotCore.start(LocalIotCoreConfig.defaults(dir))) {
      JsonNode endpoint = JSON.readTree(dir.resolve("endpoint.json").toFile());
      assertThat(endpoint.get("mqttHost").asText()).isEqualTo("127.0.0.1");
      assertThat(endpoint.get("mqttPort").asInt()).isEqualTo(core.mqttPort()).isPositive();
      assertThat(endpoint.has("httpUrl")).isFalse();
      assertThat(endpoint.get("rootCaPath").asText())
          .isEqualTo(dir.resolve("pki/root-ca.pem").toAbsolutePath().toString());
      assertThat(endpoint.get("region").asText()).isEqualTo("us-east-1");
      assertThat(endpoint.get("accountId").asText()).matches("\\d{12}");
      assertThat(Path.of(endpoint.get("operatorCertDir").asText()))
          .isEqualTo(dir.resolve("operator").toAbsolutePath());
      for (String key :
          List.of("pki/root-ca.key", "pki/server.private.key", "operator/private.pem.key")) {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(key))))
            .as(key)
            .isEqualTo("rw-------");
      }
      assertThat(dir.resolve("operator/root-ca.pem"))
          .hasSameTextualContentAs(dir.resolve("pki/root-ca.pem"));
      assertThat(dir.resolve("registry.db")).exists();
      rootCa = Files.readString(dir.resolve("pki/root-ca.pem"));
      operatorCert = Files.readString(dir.resolve("operator/certificate.pem.crt"));
      core.registry().things().create("kept", Optional.empty(), Map.of("color", "red"));
    }
    assertThat(dir.resolve("endpoint.json")).doesNotExist();

    try (LocalIotCore core = LocalIotCore.start(LocalIotCoreConfig.defaults(dir))) {
      assertThat(Files.readString(dir.resolve("pki/root-ca.pem"))).isEqualTo(rootCa);
      assertThat(Files.readString(dir.resolve("operator/certificate.pem.crt")))
          .isEqualTo(operatorCert);
      assertThat(core.registry().things().describe("kept").attributes())
          .containsEntry("color", "red");
      // A device provisioned now connects with the reused CA's server certificate.
      TestPki.Issued lamp = Devices.provision(core, "lamp");
      closeQuietly(Devices.connect(dir, core.mqttPort(), lamp, "lamp"));
    }
  }

  @Test
  void operatorReceivesEveryonesShadowTrafficButMayNotPublishOrPoseAsADevice() throws Exception {
    try (LocalIotCore core = LocalIotCore.start(LocalIotCoreConfig.defaults(dir))) {
      TestPki.Issued lampCert = Devices.provision(core, "lamp");
      MqttClient operator = connectOperator(core, "iotctl-operator-watch");
      MqttClient lamp = Devices.connect(dir, core.mqttPort(), lampCert, "lamp");
      try {
        List<String> seen = new CopyOnWriteArrayList<>();
        operator.subscribe("$aws/things/+/shadow/#", 1, (t, m) -> seen.add(t));
        lamp.publish(
            "$aws/things/lamp/shadow/update",
            "{\"state\":{\"reported\":{\"on\":true}}}".getBytes(StandardCharsets.UTF_8),
            1,
            false);
        await()
            .atMost(Duration.ofSeconds(5))
            .until(() -> seen.contains("$aws/things/lamp/shadow/update/documents"));

        assertThatThrownBy(
                () ->
                    operator.publish(
                        "$aws/things/lamp/shadow/update",
                        "{}".getBytes(StandardCharsets.UTF_8),
                        1,
                        false))
            .isInstanceOf(MqttException.class);
        await().atMost(Duration.ofSeconds(2)).until(() -> !operator.isConnected());
        assertThatThrownBy(() -> closeQuietly(connectOperator(core, "lamp")))
            .isInstanceOf(MqttException.class);
        assertThat(lamp.isConnected()).isTrue();
      } finally {
        closeQuietly(operator);
        closeQuietly(lamp);
      }
    }
  }

  private MqttClient connectOperator(LocalIotCore core, String clientId) throws Exception {
    Path bundle = core.operatorDir();
    MqttClient client =
        new MqttClient("ssl://127.0.0.1:" + core.mqttPort(), clientId, new MemoryPersistence());
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
    return client;
  }

  @Test
  void registryChangesReachLiveConnectionsWithinOneSecond() throws Exception {
    try (LocalIotCore core = LocalIotCore.start(LocalIotCoreConfig.defaults(dir))) {
      TestPki.Issued victimCert = Devices.provision(core, "victim");
      TestPki.Issued bystanderCert = Devices.provision(core, "bystander");
      TestPki.Issued detachedCert = Devices.provision(core, "detached");
      MqttClient victim = Devices.connect(dir, core.mqttPort(), victimCert, "victim");
      MqttClient bystander = Devices.connect(dir, core.mqttPort(), bystanderCert, "bystander");
      MqttClient detached = Devices.connect(dir, core.mqttPort(), detachedCert, "detached");
      try {
        long start = System.nanoTime();
        core.registry().certificates().updateStatus(victimCert.id(), CertificateStatus.REVOKED);
        await().atMost(Duration.ofSeconds(1)).until(() -> !victim.isConnected());
        System.out.printf(
            "revocation-to-disconnect via the registry: %d ms%n",
            (System.nanoTime() - start) / 1_000_000);
        assertThatThrownBy(
                () -> closeQuietly(Devices.connect(dir, core.mqttPort(), victimCert, "victim")))
            .isInstanceOf(MqttException.class);

        core.registry()
            .policies()
            .detach(
                Devices.DEVICE_POLICY,
                Devices.certificateArn("us-east-1", core.config().accountId(), detachedCert.id()));
        await().atMost(Duration.ofSeconds(1)).until(() -> !detached.isConnected());
        assertThatThrownBy(
                () -> closeQuietly(Devices.connect(dir, core.mqttPort(), detachedCert, "detached")))
            .isInstanceOf(MqttException.class);

        List<String> got = new CopyOnWriteArrayList<>();
        bystander.subscribe("$aws/things/bystander/shadow/get/accepted", 1, (t, m) -> got.add(t));
        bystander.publish(
            "$aws/things/bystander/shadow/get", new byte[0], 1, false); // no shadow yet: rejected
        bystander.publish(
            "$aws/things/bystander/shadow/update",
            "{\"state\":{\"reported\":{\"ok\":1}}}".getBytes(StandardCharsets.UTF_8),
            1,
            false);
        bystander.publish("$aws/things/bystander/shadow/get", new byte[0], 1, false);
        await().atMost(Duration.ofSeconds(5)).until(() -> !got.isEmpty());
        assertThat(bystander.isConnected()).isTrue();
      } finally {
        closeQuietly(victim);
        closeQuietly(bystander);
        closeQuietly(detached);
      }
    }
  }

  @Test
  void aNewDefaultPolicyVersionThatDeniesConnectDisconnects() throws Exception {
    try (LocalIotCore core = LocalIotCore.start(LocalIotCoreConfig.defaults(dir))) {
      TestPki.Issued cert = Devices.provision(core, "pump");
      MqttClient pump = Devices.connect(dir, core.mqttPort(), cert, "pump");
      try {
        core.registry()
            .policies()
            .createVersion(
                Devices.DEVICE_POLICY,
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                    + "\"Action\":\"iot:Publish\",\"Resource\":\"*\"}]}",
                true);
        await().atMost(Duration.ofSeconds(1)).until(() -> !pump.isConnected());
      } finally {
        closeQuietly(pump);
      }
    }
  }
}
