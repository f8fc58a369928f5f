package dev.iotctl.local;

import static dev.iotctl.local.Devices.closeQuietly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iotctl.local.gateway.TestPki;
import dev.iotctl.local.http.AwsClients;
import dev.iotctl.local.http.HttpApiConfig;
import dev.iotctl.local.http.StandIn;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.iotdataplane.IotDataPlaneClient;
import software.amazon.awssdk.services.iotdataplane.model.GetRetainedMessageResponse;
import software.amazon.awssdk.services.iotdataplane.model.ResourceNotFoundException;
import software.amazon.awssdk.services.iotdataplane.model.RetainedMessageSummary;

/**
 * Issue 11, item 1: retained messages as AWS IoT Core keeps them ("Using MQTT retained messages",
 * developer guide): delivered with RETAIN set to a new subscription whose filter is exactly the
 * topic, never to a wildcard subscription; {@code iot:RetainPublish} required; GetRetainedMessage
 * and ListRetainedMessages with AWS's shapes.
 */
class RetainedMessagesTest {
  private static final String POLICY =
      """
      {"Version":"2012-10-17","Statement":[
        {"Effect":"Allow","Action":"iot:Connect",
         "Resource":"arn:aws:iot:us-east-1:123456789012:client/${iot:Connection.Thing.ThingName}"},
        {"Effect":"Allow","Action":["iot:Publish","iot:Receive"],
         "Resource":"arn:aws:iot:us-east-1:123456789012:topic/config/*"},
        {"Effect":"Allow","Action":"iot:RetainPublish",
         "Resource":"arn:aws:iot:us-east-1:123456789012:topic/config/retained/*"},
        {"Effect":"Allow","Action":"iot:Subscribe",
         "Resource":"arn:aws:iot:us-east-1:123456789012:topicfilter/config/*"}]}""";

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  private static StandIn standIn;
  private static IotDataPlaneClient data;
  private static int things;

  @BeforeAll
  static void start() {
    standIn = new StandIn(dir, HttpApiConfig.defaults());
    data = AwsClients.data(standIn.url());
  }

  @AfterAll
  static void stop() {
    data.close();
    standIn.close();
  }

  private static MqttClient device() throws MqttException {
    String thing = "retainer-" + ++things;
    TestPki.Issued cert = Devices.provision(standIn.core, thing, "retain-test", POLICY);
    return Devices.connect(dir, standIn.mqttPort(), cert, thing);
  }

  private record Received(String topic, String payload, boolean retained, int qos) {}

  private static List<Received> subscribe(MqttClient client, String filter) throws MqttException {
    List<Received> got = new CopyOnWriteArrayList<>();
    client.subscribe(
        filter,
        1,
        (topic, m) ->
            got.add(
                new Received(
                    topic,
                    new String(m.getPayload(), StandardCharsets.UTF_8),
                    m.isRetained(),
                    m.getQos())));
    return got;
  }

  @Test
  void aRetainedMessageReachesANewExactSubscriptionWithRetainSetAndNoWildcardSubscription()
      throws Exception {
    MqttClient publisher = device();
    MqttClient exact = device();
    MqttClient wildcard = device();
    MqttClient existing = device();
    try {
      List<Received> early = subscribe(existing, "config/retained/lamp");
      publisher.publish("config/retained/lamp", bytes("v1"), 1, true);
      await().atMost(Duration.ofSeconds(5)).until(() -> !early.isEmpty());
      // Already subscribed when it was published: a normal delivery, RETAIN clear.
      assertThat(early).containsExactly(new Received("config/retained/lamp", "v1", false, 1));

      List<Received> gotExact = subscribe(exact, "config/retained/lamp");
      List<Received> gotWildcard = subscribe(wildcard, "config/retained/+");
      await().atMost(Duration.ofSeconds(5)).until(() -> !gotExact.isEmpty());
      assertThat(gotExact).containsExactly(new Received("config/retained/lamp", "v1", true, 1));

      // The wildcard subscription gets later messages on the topic, but not the retained one.
      publisher.publish("config/retained/sentinel", bytes("later"), 1, false);
      await().atMost(Duration.ofSeconds(5)).until(() -> !gotWildcard.isEmpty());
      assertThat(gotWildcard)
          .containsExactly(new Received("config/retained/sentinel", "later", false, 1));
    } finally {
      closeQuietly(publisher);
      closeQuietly(exact);
      closeQuietly(wildcard);
      closeQuietly(existing);
    }
  }

  @Test
  void aRetainedQos0MessageIsDeliveredAtQos0AndAnEmptyOneDeletesIt() throws Exception {
    MqttClient publisher = device();
    MqttClient first = device();
    MqttClient second = device();
    try {
      publisher.publish("config/retained/q0", bytes("zero"), 0, true);
      await().atMost(Duration.ofSeconds(5)).until(() -> isRetained("config/retained/q0"));
      List<Received> got = subscribe(first, "config/retained/q0");
      await().atMost(Duration.ofSeconds(5)).until(() -> !got.isEmpty());
      assertThat(got).containsExactly(new Received("config/retained/q0", "zero", true, 0));

      publisher.publish("config/retained/q0", new byte[0], 1, true);
      await()
          .atMost(Duration.ofSeconds(5))
          .untilAsserted(
              () ->
                  assertThatThrownBy(
                          () -> data.getRetainedMessage(r -> r.topic("config/retained/q0")))
                      .isInstanceOf(ResourceNotFoundException.class));
      List<Received> none = subscribe(second, "config/retained/q0");
      publisher.publish("config/retained/q0", bytes("live"), 1, false);
      await().atMost(Duration.ofSeconds(5)).until(() -> !none.isEmpty());
      assertThat(none).containsExactly(new Received("config/retained/q0", "live", false, 1));
    } finally {
      closeQuietly(publisher);
      closeQuietly(first);
      closeQuietly(second);
    }
  }

  @Test
  void retainingNeedsIotRetainPublish() throws Exception {
    MqttClient client = device();
    try {
      client.publish("config/plain", bytes("not retained"), 1, false); // iot:Publish suffices
      assertThatThrownBy(() -> client.publish("config/plain", bytes("x"), 1, true))
          .isInstanceOf(MqttException.class);
      await().atMost(Duration.ofSeconds(2)).until(() -> !client.isConnected());
      assertThat(isRetained("config/plain")).isFalse();
    } finally {
      closeQuietly(client);
    }
  }

  @Test
  void getRetainedMessageAndListRetainedMessagesSpeakAwsShapes() throws Exception {
    MqttClient client = device();
    try {
      long before = Instant.now().toEpochMilli();
      client.publish("config/retained/list-a", bytes("{\"a\":1}"), 1, true);
      client.publish("config/retained/list-b", bytes("bb"), 0, true);
      data.publish(
          r ->
              r.topic("config/retained/list-c")
                  .qos(1)
                  .retain(true)
                  .payload(SdkBytes.fromUtf8String("ccc")));
      await().atMost(Duration.ofSeconds(5)).until(() -> isRetained("config/retained/list-b"));

      GetRetainedMessageResponse a =
          data.getRetainedMessage(r -> r.topic("config/retained/list-a"));
      assertThat(a.topic()).isEqualTo("config/retained/list-a");
      assertThat(a.payload().asUtf8String()).isEqualTo("{\"a\":1}");
      assertThat(a.qos()).isEqualTo(1);
      assertThat(a.lastModifiedTime()).isBetween(before, Instant.now().toEpochMilli());

      List<RetainedMessageSummary> all =
          data.listRetainedMessagesPaginator(r -> r.maxResults(2)).stream()
              .flatMap(page -> page.retainedTopics().stream())
              .filter(s -> s.topic().startsWith("config/retained/list-"))
              .toList();
      assertThat(all)
          .extracting(
              RetainedMessageSummary::topic,
              RetainedMessageSummary::payloadSize,
              RetainedMessageSummary::qos)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("config/retained/list-a", 7L, 1),
              org.assertj.core.groups.Tuple.tuple("config/retained/list-b", 2L, 0),
              org.assertj.core.groups.Tuple.tuple("config/retained/list-c", 3L, 1));
      assertThat(data.listRetainedMessages(r -> r.maxResults(2)).nextToken()).isNotNull();

      assertThatThrownBy(() -> data.getRetainedMessage(r -> r.topic("config/retained/none")))
          .isInstanceOf(ResourceNotFoundException.class);
    } finally {
      closeQuietly(client);
    }
  }

  /** Debian's AWS CLI v2 reads what a device retained, with AWS's field names and encoding. */
  @Test
  @Tag("peers")
  void theAwsCliGetsAndListsRetainedMessages() throws Exception {
    Path aws = Path.of("/usr/bin/aws");
    assumeTrue(
        Files.isExecutable(aws), "needs Debian's awscli at /usr/bin/aws (apt install awscli)");
    MqttClient client = device();
    try {
      client.publish("config/retained/cli", bytes("hello cli"), 1, true);
      await().atMost(Duration.ofSeconds(5)).until(() -> isRetained("config/retained/cli"));
    } finally {
      closeQuietly(client);
    }
    JsonNode got =
        JSON.readTree(
            awsCli(aws, "iot-data", "get-retained-message", "--topic", "config/retained/cli"));
    assertThat(got.get("topic").asText()).isEqualTo("config/retained/cli");
    assertThat(
            new String(
                java.util.Base64.getDecoder().decode(got.get("payload").asText()),
                StandardCharsets.UTF_8))
        .isEqualTo("hello cli");
    assertThat(got.get("qos").asInt()).isEqualTo(1);
    assertThat(got.get("lastModifiedTime").asLong()).isPositive();

    JsonNode listed =
        JSON.readTree(awsCli(aws, "iot-data", "list-retained-messages", "--page-size", "1"));
    assertThat(listed.get("retainedTopics").findValuesAsText("topic"))
        .contains("config/retained/cli");
  }

  private static String awsCli(Path aws, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of(aws.toString()));
    command.addAll(List.of(args));
    command.addAll(List.of("--endpoint-url", standIn.url().toString(), "--output", "json"));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    Path home = Files.createDirectories(dir.resolve("aws-home"));
    builder
        .environment()
        .putAll(
            java.util.Map.of(
                "HOME", home.toString(),
                "AWS_ACCESS_KEY_ID", "dummy",
                "AWS_SECRET_ACCESS_KEY", "dummy",
                "AWS_DEFAULT_REGION", "us-east-1",
                "AWS_EC2_METADATA_DISABLED", "true",
                "AWS_PAGER", "",
                "AWS_CONFIG_FILE", home.resolve("config").toString(),
                "AWS_SHARED_CREDENTIALS_FILE", home.resolve("credentials").toString()));
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return output;
  }

  private static boolean isRetained(String topic) {
    try {
      data.getRetainedMessage(r -> r.topic(topic));
      return true;
    } catch (ResourceNotFoundException e) {
      return false;
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
