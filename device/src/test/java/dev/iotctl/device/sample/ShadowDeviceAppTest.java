package dev.iotctl.device.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iotctl.device.mqtt.DeviceConnection;
import dev.iotctl.device.shadow.ShadowClient;
import dev.iotctl.device.testing.ShadowResponder;
import dev.iotctl.device.testing.TestBed;
import dev.iotctl.device.testing.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShadowDeviceAppTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(15);

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
  void reportsFollowsDesiredWaitTimeAndConverges() throws Exception {
    List<Step> steps = new CopyOnWriteArrayList<>();
    try (ShadowDeviceApp app = new ShadowDeviceApp(config("handson01", 5, 0));
        DeviceConnection operatorConnection = bed.connect("operator-1");
        ShadowClient operator = ShadowClient.classic(operatorConnection, "handson01")) {
      app.addListener(steps::add);
      app.start();

      assertThat(app.isConnected()).isTrue();
      assertThat(app.waitTime()).isEqualTo(5);
      assertThat(responder.document("handson01", null).orElseThrow().at("/state/reported"))
          .isEqualTo(JSON.readTree("{\"wait_time\":5}"));

      operator
          .updateDesired(JSON.createObjectNode().put("wait_time", 10))
          .get(10, TimeUnit.SECONDS);
      await().atMost(WAIT).until(() -> app.waitTime() == 10);
      await().atMost(WAIT).until(() -> responder.delta("handson01", null).isEmpty());
      assertThat(
              responder
                  .document("handson01", null)
                  .orElseThrow()
                  .at("/state/reported/wait_time")
                  .asInt())
          .isEqualTo(10);

      operator
          .updateDesired(JSON.createObjectNode().put("wait_time", "fast"))
          .get(10, TimeUnit.SECONDS);
      await().atMost(WAIT).until(() -> kinds(steps).contains(Step.Kind.IGNORED));
      assertThat(app.waitTime()).isEqualTo(10);
    }
    assertThat(kinds(steps))
        .containsSubsequence(
            Step.Kind.CONNECTING,
            Step.Kind.CONNECTED,
            Step.Kind.SUBSCRIBED,
            Step.Kind.REPORTED,
            Step.Kind.SHADOW_READ,
            Step.Kind.DELTA_RECEIVED,
            Step.Kind.APPLIED,
            Step.Kind.REPORTED,
            Step.Kind.DELTA_RECEIVED,
            Step.Kind.IGNORED,
            Step.Kind.STOPPED);
    assertThat(steps).noneMatch(s -> s.message().contains("PRIVATE KEY"));
  }

  @Test
  void appliesADesiredValueSetWhileItWasOffline() throws Exception {
    try (DeviceConnection operatorConnection = bed.connect("operator-2");
        ShadowClient operator = ShadowClient.classic(operatorConnection, "offline01")) {
      operator.updateDesired(JSON.createObjectNode().put("wait_time", 3)).get(10, TimeUnit.SECONDS);
    }
    try (ShadowDeviceApp app = new ShadowDeviceApp(config("offline01", 5, 0))) {
      app.start();
      await().atMost(WAIT).until(() -> app.waitTime() == 3);
      await().atMost(WAIT).until(() -> responder.delta("offline01", null).isEmpty());
    }
  }

  @Test
  void readsTheShadowAgainAfterReconnectingToCatchUpWithMissedDeltas() {
    List<Step> steps = new CopyOnWriteArrayList<>();
    try (ShadowDeviceApp app = new ShadowDeviceApp(config("reconnect01", 5, 0))) {
      app.addListener(steps::add);
      app.start();

      bed.broker().stop();
      await().atMost(WAIT).until(() -> !app.isConnected());
      responder.setDesiredQuietly("reconnect01", "wait_time", 7);
      bed.broker().start();

      await().atMost(WAIT).until(() -> app.waitTime() == 7);
      await().atMost(WAIT).until(() -> responder.delta("reconnect01", null).isEmpty());
      assertThat(app.isConnected()).isTrue();
      assertThat(kinds(steps))
          .containsSubsequence(
              Step.Kind.CONNECTION_LOST,
              Step.Kind.RECONNECTING,
              Step.Kind.CONNECTED,
              Step.Kind.SHADOW_READ,
              Step.Kind.APPLIED,
              Step.Kind.REPORTED);
    } finally {
      await().atMost(WAIT).until(responder::isConnected);
    }
  }

  @Test
  void publishesReadingsAndStopsAfterCount() throws Exception {
    List<String> readings = new CopyOnWriteArrayList<>();
    try (DeviceConnection listener = bed.connect("dashboard")) {
      listener
          .subscribe(
              "data/counter01",
              dev.iotctl.device.mqtt.Qos.AT_LEAST_ONCE,
              (topic, payload) ->
                  readings.add(new String(payload, java.nio.charset.StandardCharsets.UTF_8)))
          .get(10, TimeUnit.SECONDS);
      ShadowDeviceApp app = new ShadowDeviceApp(config("counter01", 1, 2));
      app.start();

      app.stopped().get(WAIT.toSeconds(), TimeUnit.SECONDS);
      assertThat(app.readingsSent()).isEqualTo(2);
      assertThat(app.isConnected()).isFalse();
      await().atMost(WAIT).until(() -> readings.size() == 2);
      assertThat(JSON.readTree(readings.get(0)).path("device_name").asText())
          .isEqualTo("counter01");
      assertThat(JSON.readTree(readings.get(0)).path("wait_time").asInt()).isEqualTo(1);
    }
  }

  @Test
  void failsToStartWithAnUntrustedEndpointAndStops() throws Exception {
    TestPki stranger = TestPki.create(directory.resolve("stranger"), "stranger-root");
    ShadowDeviceConfig good = config("untrusting01", 5, 0);
    ShadowDeviceConfig untrusting =
        new ShadowDeviceConfig(
            good.deviceName(),
            good.endpoint(),
            good.port(),
            stranger.caFile(),
            good.certificate(),
            good.privateKey(),
            null,
            "wait_time",
            5,
            good.telemetryTopic(),
            0,
            null,
            good.keepAlive(),
            good.requestTimeout());
    List<Step> steps = new CopyOnWriteArrayList<>();
    ShadowDeviceApp app = new ShadowDeviceApp(untrusting);
    app.addListener(steps::add);

    assertThatThrownBy(app::start).hasMessageContaining("Could not connect");
    assertThat(app.stopped()).isDone();
    assertThat(kinds(steps))
        .containsExactly(Step.Kind.CONNECTING, Step.Kind.ERROR, Step.Kind.STOPPED);
  }

  private static ShadowDeviceConfig config(String thing, int waitTime, int count) {
    TestPki.Issued device = bed.device(thing);
    assertThat(Files.exists(device.privateKey())).isTrue();
    return new ShadowDeviceConfig(
        thing,
        "127.0.0.1",
        bed.broker().port(),
        bed.pki().caFile(),
        device.certificate(),
        device.privateKey(),
        null,
        "wait_time",
        waitTime,
        "data/" + thing,
        count,
        null,
        Duration.ofSeconds(30),
        // Short, so a request lost while the test's shadow responder reconnects is retried soon.
        Duration.ofSeconds(2));
  }

  private static List<Step.Kind> kinds(List<Step> steps) {
    return steps.stream().map(Step::kind).toList();
  }
}
