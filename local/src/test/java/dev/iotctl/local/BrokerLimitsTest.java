package dev.iotctl.local;

import static dev.iotctl.local.Devices.closeQuietly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.iotctl.local.gateway.TestPki;
import dev.iotctl.local.http.HttpApiConfig;
import dev.iotctl.local.http.StandIn;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, item 2: AWS IoT Core's message broker limits over MQTT, through Paho. A publish topic
 * over 256 bytes or 7 slashes disconnects; a SUBSCRIBE with more than 8 filters disconnects; a
 * filter over the limits gets 0x80; the 51st subscription on a connection gets 0x80 and the
 * connection is closed ("Subscriptions per connection", AWS IoT limits). With {@code --quotas aws},
 * publishes beyond 100 a second are discarded and more than 10 in-flight shadow requests get 429.
 */
class BrokerLimitsTest {
  private static final String POLICY =
      """
      {"Version":"2012-10-17","Statement":[
        {"Effect":"Allow","Action":"iot:Connect",
         "Resource":"arn:aws:iot:us-east-1:123456789012:client/${iot:Connection.Thing.ThingName}"},
        {"Effect":"Allow","Action":["iot:Publish","iot:Receive"],
         "Resource":["arn:aws:iot:us-east-1:123456789012:topic/lim/*",
           "arn:aws:iot:us-east-1:123456789012:topic/$aws/things/${iot:Connection.Thing.ThingName}/shadow/*"]},
        {"Effect":"Allow","Action":"iot:Subscribe",
         "Resource":["arn:aws:iot:us-east-1:123456789012:topicfilter/lim/*",
           "arn:aws:iot:us-east-1:123456789012:topicfilter/$aws/things/${iot:Connection.Thing.ThingName}/shadow/*"]}]}""";

  @TempDir static Path plainDir;
  @TempDir static Path quotaDir;
  private static StandIn plain;
  private static StandIn quotas;
  private static int things;

  @BeforeAll
  static void start() {
    plain = new StandIn(plainDir, HttpApiConfig.defaults());
    quotas = new StandIn(quotaDir, HttpApiConfig.defaults(), true);
  }

  @AfterAll
  static void stop() {
    plain.close();
    quotas.close();
  }

  private static MqttClient device(StandIn standIn) throws MqttException {
    String thing = "limited-" + ++things;
    TestPki.Issued cert = Devices.provision(standIn.core, thing, "limits-test", POLICY);
    return Devices.connect(standIn.core.config().dataDir(), standIn.mqttPort(), cert, thing);
  }

  @Test
  void aPublishTopicOver256BytesOr7SlashesDisconnectsAndIsNotRouted() throws Exception {
    MqttClient watcher = device(plain);
    MqttClient longTopic = device(plain);
    MqttClient deepTopic = device(plain);
    try {
      List<String> seen = new CopyOnWriteArrayList<>();
      watcher.subscribe("lim/#", 1, (t, m) -> seen.add(t));
      String tooLong = "lim/" + "x".repeat(253); // 257 bytes
      assertThatThrownBy(() -> longTopic.publish(tooLong, bytes("x"), 1, false))
          .isInstanceOf(MqttException.class);
      String tooDeep = "lim/a/b/c/d/e/f/g/h"; // 8 slashes
      assertThatThrownBy(() -> deepTopic.publish(tooDeep, bytes("x"), 1, false))
          .isInstanceOf(MqttException.class);
      await().atMost(Duration.ofSeconds(2)).until(() -> !longTopic.isConnected());
      await().atMost(Duration.ofSeconds(2)).until(() -> !deepTopic.isConnected());

      watcher.publish("lim/sentinel", bytes("s"), 1, false);
      await().atMost(Duration.ofSeconds(5)).until(() -> seen.contains("lim/sentinel"));
      assertThat(seen).containsExactly("lim/sentinel");
      // At the limits exactly, all is well.
      watcher.publish("lim/a/b/c/d/e/f/g", bytes("7 slashes"), 1, false);
      watcher.publish("lim/" + "x".repeat(252), bytes("256 bytes"), 1, false);
      await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() == 3);
    } finally {
      closeQuietly(watcher);
      closeQuietly(longTopic);
      closeQuietly(deepTopic);
    }
  }

  @Test
  void aSubscribeWithMoreThanEightFiltersDisconnects() throws Exception {
    MqttClient client = device(plain);
    try {
      String[] nine = IntStream.range(0, 9).mapToObj(i -> "lim/f" + i).toArray(String[]::new);
      assertThatThrownBy(() -> client.subscribe(nine, new int[9]))
          .isInstanceOf(MqttException.class);
      await().atMost(Duration.ofSeconds(2)).until(() -> !client.isConnected());
    } finally {
      closeQuietly(client);
    }
  }

  @Test
  void aFilterOverTheLimitsIsRefusedWith0x80() throws Exception {
    MqttClient client = device(plain);
    try {
      IMqttToken token =
          client.subscribeWithResponse(
              new String[] {"lim/a/b/c/d/e/f/g/#", "lim/" + "x".repeat(253), "lim/ok"},
              new int[] {1, 1, 1});
      token.waitForCompletion(5000);
      assertThat(token.getGrantedQos()).containsExactly(0x80, 0x80, 1);
      assertThat(client.isConnected()).isTrue();
    } finally {
      closeQuietly(client);
    }
  }

  @Test
  void theFiftyFirstSubscriptionIsRefusedAndTheConnectionClosed() throws Exception {
    MqttClient client = device(plain);
    try {
      for (int batch = 0; batch < 50; batch += 8) {
        int size = Math.min(8, 50 - batch);
        int first = batch;
        String[] filters =
            IntStream.range(first, first + size).mapToObj(i -> "lim/s" + i).toArray(String[]::new);
        IMqttToken token = client.subscribeWithResponse(filters, new int[size]);
        token.waitForCompletion(5000);
        assertThat(token.getGrantedQos()).containsOnly(0);
      }
      // Subscribing again to one it has is no new subscription.
      IMqttToken again = client.subscribeWithResponse(new String[] {"lim/s0"}, new int[] {1});
      again.waitForCompletion(5000);
      assertThat(again.getGrantedQos()).containsExactly(1);

      IMqttToken over = client.subscribeWithResponse(new String[] {"lim/s50"}, new int[] {1});
      over.waitForCompletion(5000);
      assertThat(over.getGrantedQos()).containsExactly(0x80);
      await().atMost(Duration.ofSeconds(2)).until(() -> !client.isConnected());
    } finally {
      closeQuietly(client);
    }
  }

  @Test
  void withAwsQuotasPublishesBeyondOneHundredASecondAreDiscarded() throws Exception {
    Burst unlimited = burst(plain, 300);
    Burst limited = burst(quotas, 300);
    System.out.printf(
        "--quotas aws: %d of 300 publishes routed within %.2f s; without: %d within %.2f s%n",
        limited.routed(), limited.seconds(), unlimited.routed(), unlimited.seconds());
    // A bucket of 100, refilled at 100 a second while the burst arrives.
    assertThat(limited.routed()).isLessThanOrEqualTo(limited.allowed());
    // Without quotas nothing is discarded (Moquette may still drop a few QoS 0 messages when the
    // subscriber's socket lags behind; 280 of 300 were seen on a loaded machine).
    assertThat(unlimited.routed()).isGreaterThanOrEqualTo(250);
  }

  private record Burst(int routed, double seconds) {
    int allowed() {
      return 100 + (int) Math.ceil(seconds * 100) + 1;
    }
  }

  /** Publishes {@code size} QoS 0 messages as fast as Paho can; how many reach a subscriber. */
  private static Burst burst(StandIn standIn, int size) throws Exception {
    MqttClient watcher = device(standIn);
    MqttClient talker = device(standIn);
    try {
      List<String> seen = new CopyOnWriteArrayList<>();
      watcher.subscribe("lim/burst/#", 1, (t, m) -> seen.add(t));
      long start = System.nanoTime();
      for (int i = 0; i < size; i++) {
        talker.publish("lim/burst/" + i, new byte[1], 0, false);
      }
      // A sentinel after the burst on the same connection (retried: the quota may drop it): once
      // it arrives, the whole burst has been judged, within that many seconds.
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () -> {
                talker.publish("lim/burst/sentinel", new byte[1], 0, false);
                return seen.contains("lim/burst/sentinel");
              });
      double seconds = (System.nanoTime() - start) / 1e9;
      int routed = (int) seen.stream().filter(t -> !t.endsWith("sentinel")).distinct().count();
      return new Burst(routed, seconds);
    } finally {
      closeQuietly(watcher);
      closeQuietly(talker);
    }
  }

  @Test
  void withAwsQuotasMoreThanTenInFlightShadowRequestsGet429() throws Exception {
    assertThat(throttledOf(plain)).isZero();
    assertThat(throttledOf(quotas)).isPositive();
  }

  /** Fires 60 shadow updates at once; how many were rejected with 429. */
  private static long throttledOf(StandIn standIn) throws Exception {
    String thing = "shadowed-" + ++things;
    TestPki.Issued cert = Devices.provision(standIn.core, thing, "limits-test", POLICY);
    MqttClient client =
        Devices.connect(standIn.core.config().dataDir(), standIn.mqttPort(), cert, thing);
    try {
      String prefix = "$aws/things/" + thing + "/shadow/update";
      List<String> answers = new CopyOnWriteArrayList<>();
      client.subscribe(
          new String[] {prefix + "/accepted", prefix + "/rejected"},
          new int[] {0, 0},
          new org.eclipse.paho.client.mqttv3.IMqttMessageListener[] {
            (t, m) -> answers.add("accepted"),
            (t, m) -> answers.add(new String(m.getPayload(), StandardCharsets.UTF_8))
          });
      int requests = 60;
      for (int i = 0; i < requests; i++) {
        client.publish(prefix, bytes("{\"state\":{\"reported\":{\"n\":" + i + "}}}"), 0, false);
      }
      await().atMost(Duration.ofSeconds(20)).until(() -> answers.size() == requests);
      return answers.stream().filter(a -> a.contains("\"code\":429")).count();
    } finally {
      closeQuietly(client);
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
