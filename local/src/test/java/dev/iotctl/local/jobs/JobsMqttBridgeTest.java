package dev.iotctl.local.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The MQTT face's own rules: answers on the service thread, throttling when it falls behind. */
class JobsMqttBridgeTest {
  @TempDir Path dir;

  @Test
  void aFloodBeyondTheBacklogIsAnsweredRequestThrottledAtOnce() throws Exception {
    try (JobsFixture f = new JobsFixture(dir)) {
      JobsMqttBridge bridge =
          new JobsMqttBridge(
              f.service,
              (topic, payload) ->
                  f.published.add(new JobsFixture.Published(topic, JobsFixture.parse(payload))));
      CountDownLatch release = new CountDownLatch(1);
      f.service.submit(
          () -> {
            try {
              release.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          });
      for (int i = 0; i < JobsMqttBridge.MAX_BACKLOG; i++) {
        f.service.submit(() -> {});
      }
      bridge.onPublish(
          null,
          null,
          "$aws/things/lamp/jobs/get",
          "{\"clientToken\":\"flood\"}".getBytes(StandardCharsets.UTF_8));
      List<JobsFixture.Published> rejected = f.on("$aws/things/lamp/jobs/get/rejected");
      assertThat(rejected).hasSize(1);
      assertThat(rejected.get(0).payload().get("code").asText()).isEqualTo("RequestThrottled");
      assertThat(rejected.get(0).payload().get("clientToken").asText()).isEqualTo("flood");

      release.countDown();
      await().atMost(Duration.ofSeconds(10)).until(() -> f.service.backlog() == 0);
      bridge.onPublish(
          null, null, "$aws/things/lamp/jobs/get", "{}".getBytes(StandardCharsets.UTF_8));
      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> !f.on("$aws/things/lamp/jobs/get/accepted").isEmpty());
    }
  }
}
