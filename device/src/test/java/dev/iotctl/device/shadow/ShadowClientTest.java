package dev.iotctl.device.shadow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotctl.device.mqtt.DeviceConnection;
import dev.iotctl.device.testing.ShadowResponder;
import dev.iotctl.device.testing.TestBed;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShadowClientTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir static Path directory;
  static TestBed bed;
  static ShadowResponder responder;

  @BeforeAll
  static void start() {
    bed = new TestBed(directory);
    responder = bed.shadowResponder();
  }

  @AfterAll
  static void stop() {
    responder.close();
    bed.close();
  }

  @Test
  void reportThenGetReturnsTheReportedState() throws Exception {
    try (DeviceConnection connection = bed.connect("reporter");
        ShadowClient shadow = ShadowClient.classic(connection, "reporter")) {
      JsonNode accepted = shadow.report(object("{\"wait_time\":5}")).get(10, TimeUnit.SECONDS);
      assertThat(accepted.at("/state/reported/wait_time").asInt()).isEqualTo(5);
      assertThat(accepted.path("version").asLong()).isEqualTo(1);

      JsonNode document = shadow.get().get(10, TimeUnit.SECONDS);
      assertThat(document.at("/state/reported/wait_time").asInt()).isEqualTo(5);
      assertThat(document.at("/state/delta").isMissingNode()).isTrue();
    }
  }

  @Test
  void rejectedRequestFailsWithAwsCodeAndMessage() throws Exception {
    try (DeviceConnection connection = bed.connect("never-reported");
        ShadowClient shadow = ShadowClient.classic(connection, "never-reported")) {
      assertThatThrownBy(() -> shadow.get().get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .cause()
          .isInstanceOfSatisfying(
              ShadowRejectedException.class,
              e -> {
                assertThat(e.code()).isEqualTo(404);
                assertThat(e.errorCode()).isEqualTo("ResourceNotFoundException");
                assertThat(e.getMessage())
                    .isEqualTo("No shadow exists with name: 'never-reported'");
                assertThat(e.clientToken()).isNotBlank();
              });
      assertThatThrownBy(() -> shadow.update(JSON.createObjectNode()).get(10, TimeUnit.SECONDS))
          .cause()
          .isInstanceOfSatisfying(
              ShadowRejectedException.class, e -> assertThat(e.code()).isEqualTo(400));
    }
  }

  @Test
  void desiredChangeReachesTheDeviceAsDeltaAndConvergesWhenReported() throws Exception {
    try (DeviceConnection deviceConnection = bed.connect("lamp");
        DeviceConnection appConnection = bed.connect("lamp-app");
        ShadowClient device = ShadowClient.classic(deviceConnection, "lamp");
        ShadowClient app = ShadowClient.classic(appConnection, "lamp")) {
      List<ShadowDelta> deltas = new CopyOnWriteArrayList<>();
      List<JsonNode> documents = new CopyOnWriteArrayList<>();
      device.onDelta(deltas::add).get(10, TimeUnit.SECONDS);
      app.onDocuments(documents::add).get(10, TimeUnit.SECONDS);
      device.report(object("{\"wait_time\":5}")).get(10, TimeUnit.SECONDS);

      app.updateDesired(object("{\"wait_time\":10}")).get(10, TimeUnit.SECONDS);

      await().atMost(WAIT).until(() -> !deltas.isEmpty());
      ShadowDelta delta = deltas.get(0);
      assertThat(delta.state()).isEqualTo(object("{\"wait_time\":10}"));
      assertThat(delta.version()).isEqualTo(2);

      device.report(delta.state()).get(10, TimeUnit.SECONDS);
      assertThat(responder.delta("lamp", null)).isEmpty();
      assertThat(
              responder
                  .document("lamp", null)
                  .orElseThrow()
                  .at("/state/reported/wait_time")
                  .asInt())
          .isEqualTo(10);
      JsonNode settled = app.get().get(10, TimeUnit.SECONDS);
      assertThat(settled.at("/state/delta").isMissingNode()).isTrue();
      assertThat(deltas).hasSize(1);
      await().atMost(WAIT).until(() -> documents.size() == 3);
      assertThat(documents.get(2).at("/current/state/reported/wait_time").asInt()).isEqualTo(10);
    }
  }

  @Test
  void repliesAreMatchedToTheirRequestsByClientToken() throws Exception {
    try (DeviceConnection connection = bed.connect("busy");
        ShadowClient shadow = ShadowClient.classic(connection, "busy")) {
      List<CompletableFuture<JsonNode>> replies = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        replies.add(shadow.report(JSON.createObjectNode().put("n", i)));
      }
      for (int i = 0; i < 20; i++) {
        JsonNode accepted = replies.get(i).get(10, TimeUnit.SECONDS);
        assertThat(accepted.at("/state/reported/n").asInt()).isEqualTo(i);
      }
      assertThat(
              replies.stream().map(r -> r.join().path("clientToken").asText()).distinct().count())
          .isEqualTo(20);
    }
  }

  @Test
  void namedShadowIsSeparateFromTheClassicShadowAndCanBeDeleted() throws Exception {
    try (DeviceConnection connection = bed.connect("pump");
        ShadowClient classic = ShadowClient.classic(connection, "pump");
        ShadowClient config = ShadowClient.named(connection, "pump", "config")) {
      assertThat(config.topics().request(ShadowOperation.UPDATE))
          .isEqualTo("$aws/things/pump/shadow/name/config/update");
      config.report(object("{\"mode\":\"eco\"}")).get(10, TimeUnit.SECONDS);
      classic.report(object("{\"wait_time\":5}")).get(10, TimeUnit.SECONDS);

      assertThat(config.get().get(10, TimeUnit.SECONDS).at("/state/reported"))
          .isEqualTo(object("{\"mode\":\"eco\"}"));
      assertThat(responder.document("pump", "config")).isPresent();

      JsonNode deleted = config.delete().get(10, TimeUnit.SECONDS);
      assertThat(deleted.path("version").asLong()).isEqualTo(1);
      assertThat(responder.document("pump", "config")).isEmpty();
      assertThat(responder.document("pump", null)).isPresent();
      assertThatThrownBy(() -> config.delete().get(10, TimeUnit.SECONDS))
          .cause()
          .isInstanceOfSatisfying(
              ShadowRejectedException.class, e -> assertThat(e.code()).isEqualTo(404));
    }
  }

  @Test
  void requestWithoutReplyTimesOut() {
    responder.ignore("unanswered");
    try (DeviceConnection connection = bed.connect("unanswered");
        ShadowClient shadow =
            new ShadowClient(
                connection, ShadowTopics.classic("unanswered"), Duration.ofMillis(300))) {
      assertThatThrownBy(() -> shadow.get().get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(TimeoutException.class);
    }
  }

  private static ObjectNode object(String json) throws Exception {
    return (ObjectNode) JSON.readTree(json);
  }
}
