package dev.iotctl.local.shadow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.iotctl.core.shadow.ShadowEngine;
import dev.iotctl.core.topic.ShadowOperation;
import dev.iotctl.core.topic.ShadowTopic;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ShadowServiceTest {
  private final Map<String, String> stored = new ConcurrentHashMap<>();
  private final List<String> published = new CopyOnWriteArrayList<>();
  private final ShadowService service =
      new ShadowService(
          new ShadowEngine(),
          new ShadowStore() {
            @Override
            public Optional<String> load(String thing, String shadow) {
              return Optional.ofNullable(stored.get(thing + "/" + shadow));
            }

            @Override
            public void save(String thing, String shadow, String json) {
              stored.put(thing + "/" + shadow, json);
            }
          },
          (topic, payload) ->
              published.add(topic + " " + new String(payload, StandardCharsets.UTF_8)));

  @Test
  void malformedRequestIsRejectedWithAwsCode() {
    service.onMqttRequest(
        ShadowTopic.parse("$aws/things/t/shadow/name/cfg/update").orElseThrow(),
        "not json".getBytes(StandardCharsets.UTF_8));
    await().atMost(Duration.ofSeconds(5)).until(() -> !published.isEmpty());
    assertThat(published.get(0))
        .startsWith("$aws/things/t/shadow/name/cfg/update/rejected ")
        .contains("\"code\":400");
  }

  @Test
  void updatesOfOneThingApplyInOrder() {
    for (int i = 1; i <= 50; i++) {
      service.onMqttRequest(
          ShadowTopic.parse("$aws/things/t/shadow/update").orElseThrow(),
          ("{\"state\":{\"reported\":{\"n\":" + i + "}},\"version\":" + (i - 1) + "}")
              .getBytes(StandardCharsets.UTF_8));
    }
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> published.stream().filter(p -> p.contains("/update/accepted")).count() == 50);
    assertThat(published).noneMatch(p -> p.contains("/rejected"));
  }

  @Test
  void topicsParseAsAwsDefinesThem() {
    assertThat(ShadowTopic.parse("$aws/things/a/shadow/get").filter(ShadowTopic::isRequest))
        .contains(ShadowTopic.request("a", null, ShadowOperation.GET));
    assertThat(
            ShadowTopic.parse("$aws/things/a/shadow/name/n/delete").filter(ShadowTopic::isRequest))
        .contains(ShadowTopic.request("a", "n", ShadowOperation.DELETE));
    assertThat(
            ShadowTopic.parse("$aws/things/a/shadow/update/accepted")
                .filter(ShadowTopic::isRequest))
        .isEmpty();
    assertThat(ShadowTopic.parse("things/a/shadow/update")).isEmpty();
  }
}
