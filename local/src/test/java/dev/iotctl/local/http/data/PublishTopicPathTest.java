package dev.iotctl.local.http.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iotctl.local.http.AwsClients;
import dev.iotctl.local.http.HttpApiConfig;
import dev.iotctl.local.http.LocalHttpApi;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.iotdataplane.IotDataPlaneClient;

/**
 * Issue 11 item 9: Publish takes the topic from the rest of the path, so {@code POST /topics/a/b}
 * (unencoded, as in AWS's HTTPS publish example) publishes on {@code a/b}, and the encoded form the
 * SDKs send ({@code %2F}) still works, mixed or not.
 */
class PublishTopicPathTest {
  static final String AUTH =
      "AWS4-HMAC-SHA256 Credential=dummy/20240101/us-east-1/iotdata/aws4_request, "
          + "SignedHeaders=host;x-amz-date, Signature="
          + "0".repeat(64);

  static final List<String> topics = new CopyOnWriteArrayList<>();
  static final HttpClient http = HttpClient.newHttpClient();
  static LocalHttpApi api;

  @BeforeAll
  static void start() {
    api =
        LocalHttpApi.start(
            HttpApiConfig.defaults(),
            List.of(new PublishOperation((topic, payload, qos, retain) -> topics.add(topic))));
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @BeforeEach
  void clear() {
    topics.clear();
  }

  @Test
  void anUnencodedSlashSeparatesTopicLevels() throws Exception {
    assertThat(post("/topics/test/topic?qos=1").statusCode()).isEqualTo(200);
    assertThat(post("/topics/%24aws/things/t1/shadow/update").statusCode()).isEqualTo(200);
    assertThat(topics).containsExactly("test/topic", "$aws/things/t1/shadow/update");
  }

  @Test
  void encodedAndMixedSlashesStillWork() throws Exception {
    assertThat(post("/topics/%24aws%2Fthings%2Ft1%2Fshadow%2Fupdate").statusCode()).isEqualTo(200);
    assertThat(post("/topics/a%2Fb/c").statusCode()).isEqualTo(200);
    try (IotDataPlaneClient data = AwsClients.data(api.url())) {
      data.publish(b -> b.topic("sdk/x/y").payload(SdkBytes.fromUtf8String("{}")));
    }
    assertThat(topics).containsExactly("$aws/things/t1/shadow/update", "a/b/c", "sdk/x/y");
  }

  @Test
  void theTopicRulesStillApplyToAnUnencodedPath() throws Exception {
    HttpResponse<String> tooDeep = post("/topics/a/b/c/d/e/f/g/h/i");
    assertThat(tooDeep.statusCode()).isEqualTo(400);
    assertThat(tooDeep.body()).contains("forward slashes");
    assertThat(post("/topics/a/%23").statusCode()).isEqualTo(400);
    assertThat(topics).isEmpty();
  }

  private static HttpResponse<String> post(String rawPath) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(api.url() + rawPath))
            .header("Authorization", AUTH)
            .POST(HttpRequest.BodyPublishers.ofString("{\"hello\":1}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
