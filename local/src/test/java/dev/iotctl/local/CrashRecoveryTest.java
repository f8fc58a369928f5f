package dev.iotctl.local;

import static dev.iotctl.local.Devices.closeQuietly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iotctl.local.gateway.TestPki;
import dev.iotctl.local.registry.CertificateStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shadows and the registry survive a {@code kill -9}: the stand-in runs in a child JVM, a device
 * updates its shadows over MQTT, the child is killed the moment the updates are acknowledged, and a
 * new stand-in on the same data directory serves the same versions and state.
 */
class CrashRecoveryTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void shadowsAndRegistrySurviveKillMinus9() throws Exception {
    TestPki.Issued lampCert;
    try (LocalIotCore core = LocalIotCore.start(LocalIotCoreConfig.defaults(dir))) {
      lampCert = Devices.provision(core, "lamp");
    }

    Process child = StandInProcess.start(dir);
    try {
      Path endpoint = dir.resolve("endpoint.json");
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> Files.exists(endpoint) || !child.isAlive());
      assertThat(child.isAlive()).as("child output: %s", childOutput()).isTrue();
      int port = JSON.readTree(endpoint.toFile()).get("mqttPort").asInt();
      await().atMost(Duration.ofSeconds(5)).until(() -> childOutput().contains("ready in"));
      System.out.printf(
          "child stand-in: %s; at rest %s%n",
          childOutput().lines().filter(l -> l.startsWith("ready in")).findFirst().orElse(""),
          rss(child.pid()));

      MqttClient lamp = Devices.connect(dir, port, lampCert, "lamp");
      try {
        Map<String, JsonNode> accepted = new ConcurrentHashMap<>();
        lamp.subscribe(
            "$aws/things/lamp/shadow/#",
            1,
            (t, m) -> {
              if (t.endsWith("/update/accepted")) {
                accepted.put(t, JSON.readTree(m.getPayload()));
              }
            });
        update(lamp, "$aws/things/lamp/shadow/update", "{\"state\":{\"reported\":{\"temp\":21}}}");
        update(lamp, "$aws/things/lamp/shadow/update", "{\"state\":{\"desired\":{\"temp\":22}}}");
        update(
            lamp,
            "$aws/things/lamp/shadow/name/cfg/update",
            "{\"state\":{\"desired\":{\"mode\":\"eco\"}}}");
        await()
            .atMost(Duration.ofSeconds(5))
            .until(
                () ->
                    accepted.containsKey("$aws/things/lamp/shadow/name/cfg/update/accepted")
                        && accepted
                                .getOrDefault(
                                    "$aws/things/lamp/shadow/update/accepted",
                                    JSON.createObjectNode())
                                .path("version")
                                .asLong()
                            == 2);
      } finally {
        child.destroyForcibly().waitFor();
        closeQuietly(lamp);
      }
    } finally {
      child.destroyForcibly().waitFor();
    }

    try (LocalIotCore core = LocalIotCore.start(LocalIotCoreConfig.defaults(dir))) {
      JsonNode classic = JSON.readTree(core.shadowService().get("lamp", null, null).json());
      assertThat(classic.get("version").asLong()).isEqualTo(2);
      assertThat(classic.at("/state/reported/temp").asInt()).isEqualTo(21);
      assertThat(classic.at("/state/desired/temp").asInt()).isEqualTo(22);
      assertThat(classic.at("/state/delta/temp").asInt()).isEqualTo(22);
      JsonNode cfg = JSON.readTree(core.shadowService().get("lamp", "cfg", null).json());
      assertThat(cfg.get("version").asLong()).isEqualTo(1);
      assertThat(cfg.at("/state/desired/mode").asText()).isEqualTo("eco");
      assertThat(core.registry().shadows().listShadowNames("lamp")).containsExactly("cfg");
      assertThat(core.registry().things().describe("lamp").name()).isEqualTo("lamp");
      assertThat(core.registry().certificates().describe(lampCert.id()).status())
          .isEqualTo(CertificateStatus.ACTIVE);
      // The device reconnects to the new instance (same CA, same server identity).
      closeQuietly(Devices.connect(dir, core.mqttPort(), lampCert, "lamp"));
    }
  }

  private static void update(MqttClient client, String topic, String json) throws Exception {
    client.publish(topic, json.getBytes(StandardCharsets.UTF_8), 1, false);
  }

  /** The process's resident set size, from {@code /proc/PID/status} (Linux). */
  private static String rss(long pid) throws Exception {
    Path status = Path.of("/proc", Long.toString(pid), "status");
    return Files.exists(status)
        ? Files.readAllLines(status).stream()
            .filter(l -> l.startsWith("VmRSS:"))
            .findFirst()
            .orElse("VmRSS unknown")
            .replaceAll("\\s+", " ")
        : "VmRSS unknown";
  }

  private String childOutput() throws Exception {
    return Files.readString(dir.resolve("child.log"));
  }
}
