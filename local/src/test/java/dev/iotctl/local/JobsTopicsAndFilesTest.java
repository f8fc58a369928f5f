package dev.iotctl.local;

import static dev.iotctl.local.Devices.closeQuietly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iotctl.core.jobs.S3Location;
import dev.iotctl.local.gateway.TestPki;
import dev.iotctl.local.http.AwsClients;
import dev.iotctl.local.http.HttpApiConfig;
import dev.iotctl.local.http.StandIn;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iot.IotClient;

/**
 * The Jobs MQTT topics with a plain MQTT client and the shipped device policy (AWS's rejection
 * codes, the echoed client token, policy enforcement), and the OTA file downloads behind the
 * stand-in's pre-signed URLs.
 */
class JobsTopicsAndFilesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path dir;
  static StandIn standIn;
  static IotClient iot;

  @BeforeAll
  static void start() {
    standIn = new StandIn(dir, HttpApiConfig.defaults());
    iot = AwsClients.iot(standIn.url());
  }

  @AfterAll
  static void stop() {
    iot.close();
    standIn.close();
  }

  /** A connected device whose every received message is recorded by topic. */
  private record Device(MqttClient client, Map<String, JsonNode> received) {
    void publish(String topic, String payload) throws Exception {
      client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false);
    }

    JsonNode await(String topic) {
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> received.containsKey(topic));
      return received.remove(topic);
    }
  }

  private static Device device(String thing) throws Exception {
    TestPki.Issued issued = Devices.provision(standIn.core, thing);
    MqttClient client = Devices.connect(dir, standIn.core.mqttPort(), issued, thing);
    Map<String, JsonNode> received = new ConcurrentHashMap<>();
    client.subscribe(
        "$aws/things/" + thing + "/jobs/#",
        1,
        (t, m) -> {
          // The device's own requests come back on this filter too: keep the service's JSON.
          try {
            received.put(t, JSON.readTree(m.getPayload()));
          } catch (java.io.IOException notJson) {
            // the device's own malformed request
          }
        });
    return new Device(client, received);
  }

  private static String thingArn(String thing) {
    return "arn:aws:iot:us-east-1:" + StandIn.ACCOUNT_ID + ":thing/" + thing;
  }

  @Test
  void requestsAreAnsweredOnAcceptedOrRejectedWithAwsCodesAndTheClientToken() throws Exception {
    Device lamp = device("lamp");
    try {
      String prefix = "$aws/things/lamp/jobs/";
      lamp.publish(prefix + "get", "{\"clientToken\":\"t1\"}");
      JsonNode empty = lamp.await(prefix + "get/accepted");
      assertThat(empty.get("clientToken").asText()).isEqualTo("t1");
      assertThat(empty.get("queuedJobs")).isEmpty();
      assertThat(empty.get("timestamp").isIntegralNumber()).isTrue();

      lamp.publish(prefix + "get", "{not json");
      assertThat(lamp.await(prefix + "get/rejected").get("code").asText()).isEqualTo("InvalidJson");

      // Allowed by the device policy (jobs/*/get) but no Jobs API.
      lamp.publish(prefix + "fw/extra/get", "{\"clientToken\":\"t2\"}");
      JsonNode invalidTopic = lamp.await(prefix + "fw/extra/get/rejected");
      assertThat(invalidTopic.get("code").asText()).isEqualTo("InvalidTopic");
      assertThat(invalidTopic.get("clientToken").asText()).isEqualTo("t2");

      lamp.publish(prefix + "nope/update", "{\"status\":\"SUCCEEDED\"}");
      assertThat(lamp.await(prefix + "nope/update/rejected").get("code").asText())
          .isEqualTo("ResourceNotFound");

      iot.createJob(b -> b.jobId("lamp-job").targets(thingArn("lamp")).document("{\"a\":1}"));
      JsonNode next = lamp.await(prefix + "notify-next");
      assertThat(next.at("/execution/jobId").asText()).isEqualTo("lamp-job");
      assertThat(next.at("/execution/jobDocument/a").asInt()).isEqualTo(1);
      assertThat(lamp.await(prefix + "notify").at("/jobs/QUEUED/0/jobId").asText())
          .isEqualTo("lamp-job");

      lamp.publish(prefix + "lamp-job/update", "{\"status\":\"DONE\",\"clientToken\":\"t3\"}");
      assertThat(lamp.await(prefix + "lamp-job/update/rejected").get("code").asText())
          .isEqualTo("InvalidRequest");

      lamp.publish(
          prefix + "lamp-job/update",
          "{\"status\":\"IN_PROGRESS\",\"expectedVersion\":1,\"statusDetails\":{\"step\":\"1\"},"
              + "\"includeJobExecutionState\":true}");
      JsonNode accepted = lamp.await(prefix + "lamp-job/update/accepted");
      assertThat(accepted.at("/executionState/status").asText()).isEqualTo("IN_PROGRESS");
      assertThat(accepted.at("/executionState/versionNumber").asInt()).isEqualTo(2);
      assertThat(accepted.has("jobDocument")).isFalse();

      lamp.publish(prefix + "$next/get", "{}");
      JsonNode described = lamp.await(prefix + "$next/get/accepted");
      assertThat(described.at("/execution/statusDetails/step").asText()).isEqualTo("1");
      assertThat(described.at("/execution/jobDocument/a").asInt()).isEqualTo(1);

      lamp.publish(prefix + "lamp-job/update", "{\"status\":\"SUCCEEDED\",\"expectedVersion\":1}");
      JsonNode mismatch = lamp.await(prefix + "lamp-job/update/rejected");
      assertThat(mismatch.get("code").asText()).isEqualTo("VersionMismatch");
      assertThat(mismatch.at("/executionState/versionNumber").asInt()).isEqualTo(2);

      lamp.publish(prefix + "lamp-job/update", "{\"status\":\"SUCCEEDED\"}");
      lamp.await(prefix + "lamp-job/update/accepted");
      assertThat(lamp.await(prefix + "notify-next").has("execution")).isFalse();
      lamp.publish(prefix + "lamp-job/get", "{}");
      assertThat(lamp.await(prefix + "lamp-job/get/rejected").get("code").asText())
          .isEqualTo("TerminalStateReached");
    } finally {
      closeQuietly(lamp.client());
    }
  }

  @Test
  void aDeviceCannotRequestAnotherThingsJobs() throws Exception {
    Device fan = device("fan");
    Device spy = device("spy");
    try {
      iot.createJob(b -> b.jobId("fan-job").targets(thingArn("fan")).document("{}"));
      fan.await("$aws/things/fan/jobs/notify-next");
      try {
        spy.publish("$aws/things/fan/jobs/fan-job/update", "{\"status\":\"FAILED\"}");
      } catch (org.eclipse.paho.client.mqttv3.MqttException closedByTheBroker) {
        // the gateway closes the connection instead of acknowledging
      }
      await().atMost(Duration.ofSeconds(5)).until(() -> !spy.client().isConnected());
      assertThat(
              iot.describeJobExecution(b -> b.jobId("fan-job").thingName("fan"))
                  .execution()
                  .statusAsString())
          .isEqualTo("QUEUED");
    } finally {
      closeQuietly(fan.client());
      closeQuietly(spy.client());
    }
  }

  @Test
  void preSignedUrlsServeTheirFileAndNothingElse() throws Exception {
    var files = standIn.core.jobs().files();
    S3Location fw = new S3Location("ota-bucket", "firmware/fw-1.bin");
    files.write(fw, "firmware bytes".getBytes(StandardCharsets.UTF_8));
    files.write(new S3Location("ota-bucket", "other.bin"), new byte[] {1});
    String url = standIn.core.jobs().presigner().presign(standIn.url(), fw, 60);

    HttpResponse<byte[]> ok = get(url);
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(new String(ok.body(), StandardCharsets.UTF_8)).isEqualTo("firmware bytes");

    assertThat(get(url.replace("fw-1.bin", "other.bin")).statusCode())
        .as("the signature covers the key")
        .isEqualTo(403);
    assertThat(get(url.replace("X-Amz-Expires=60", "X-Amz-Expires=999999")).statusCode())
        .as("and the validity")
        .isEqualTo(403);
    assertThat(get(url.substring(0, url.indexOf('?'))).statusCode()).as("unsigned").isEqualTo(403);

    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "secret");
    S3Location escape = new S3Location("ota-bucket", "../../secret.txt");
    assertThat(files.pathOf(escape)).isEmpty();
    String traversal =
        standIn
            .core
            .jobs()
            .presigner()
            .presign(standIn.url(), new S3Location("ota-bucket", "..%2F..%2Fsecret.txt"), 60);
    assertThat(get(traversal).statusCode()).isIn(403, 404);
  }

  private static HttpResponse<byte[]> get(String url) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }
}
