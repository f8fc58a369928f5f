package dev.iotctl.local;

import static dev.iotctl.local.Devices.closeQuietly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iotctl.core.jobs.ExecutionStatus;
import dev.iotctl.core.jobs.JobSettings;
import dev.iotctl.core.jobs.JobStatus;
import dev.iotctl.core.jobs.TargetSelection;
import dev.iotctl.local.gateway.TestPki;
import dev.iotctl.local.jobs.CreateJobRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job execution update the stand-in acknowledged survives {@code kill -9}: the stand-in runs in a
 * child JVM, a device starts and finishes its job over MQTT, the child is killed the moment the
 * last {@code /accepted} arrives, and a new stand-in on the same data directory reports the
 * execution SUCCEEDED and the job COMPLETED.
 */
class JobsCrashRecoveryTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void acknowledgedExecutionUpdatesSurviveKillMinus9() throws Exception {
    TestPki.Issued lamp;
    try (LocalIotCore core = LocalIotCore.start(LocalIotCoreConfig.defaults(dir))) {
      lamp = Devices.provision(core, "lamp");
      core.jobs()
          .createJob(
              new CreateJobRequest(
                  "fw",
                  List.of("arn:aws:iot:us-east-1:000000000000:thing/lamp"),
                  Optional.of("{\"v\":2}"),
                  Optional.empty(),
                  JobSettings.NONE,
                  TargetSelection.SNAPSHOT,
                  Optional.empty()));
    }

    Process child = startChild();
    try {
      Path endpoint = dir.resolve("endpoint.json");
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> Files.exists(endpoint) || !child.isAlive());
      assertThat(child.isAlive()).as("child output: %s", output()).isTrue();
      int port = JSON.readTree(endpoint.toFile()).get("mqttPort").asInt();
      MqttClient device = Devices.connect(dir, port, lamp, "lamp");
      try {
        Map<String, JsonNode> replies = new ConcurrentHashMap<>();
        device.subscribe(
            "$aws/things/lamp/jobs/+/+",
            1,
            (t, m) -> replies.put(t, JSON.readTree(m.getPayload())));
        device.subscribe(
            "$aws/things/lamp/jobs/+/+/+",
            1,
            (t, m) -> replies.put(t, JSON.readTree(m.getPayload())));
        device.publish("$aws/things/lamp/jobs/start-next", "{}".getBytes(), 1, false);
        await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> replies.containsKey("$aws/things/lamp/jobs/start-next/accepted"));
        device.publish(
            "$aws/things/lamp/jobs/fw/update",
            "{\"status\":\"SUCCEEDED\",\"statusDetails\":{\"installed\":\"2\"}}"
                .getBytes(StandardCharsets.UTF_8),
            1,
            false);
        await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> replies.containsKey("$aws/things/lamp/jobs/fw/update/accepted"));
        child.destroyForcibly().waitFor();
      } finally {
        closeQuietly(device);
      }
    } finally {
      child.destroyForcibly().waitFor();
    }

    try (LocalIotCore core = LocalIotCore.start(LocalIotCoreConfig.defaults(dir))) {
      var execution = core.jobs().describeExecution("fw", "lamp", Optional.empty());
      assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(execution.versionNumber()).isEqualTo(3);
      assertThat(execution.statusDetails()).containsEntry("installed", "2");
      assertThat(core.jobs().describeJob("fw").job().status()).isEqualTo(JobStatus.COMPLETED);
    }
  }

  private Process startChild() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return new ProcessBuilder(
            List.of(
                java.toString(),
                "-Xmx128m",
                "-cp",
                System.getProperty("java.class.path"),
                LocalIotCoreMain.class.getName(),
                dir.toString()))
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("child.log").toFile())
        .start();
  }

  private String output() throws Exception {
    return Files.readString(dir.resolve("child.log"));
  }
}
