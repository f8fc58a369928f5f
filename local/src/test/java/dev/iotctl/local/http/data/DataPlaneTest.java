package dev.iotctl.local.http.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iotctl.local.http.AwsClients;
import dev.iotctl.local.http.HttpApiConfig;
import dev.iotctl.local.http.LocalHttpApi;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.iotdataplane.IotDataPlaneClient;
import software.amazon.awssdk.services.iotdataplane.model.ConflictException;
import software.amazon.awssdk.services.iotdataplane.model.InvalidRequestException;
import software.amazon.awssdk.services.iotdataplane.model.ListNamedShadowsForThingResponse;
import software.amazon.awssdk.services.iotdataplane.model.RequestEntityTooLargeException;
import software.amazon.awssdk.services.iotdataplane.model.ResourceNotFoundException;

/** The data plane through the AWS SDK for Java v2 {@code IotDataPlaneClient}. */
class DataPlaneTest {
  record Message(String topic, String payload, int qos, boolean retain) {}

  static final ObjectMapper MAPPER = new ObjectMapper();
  static final InMemoryShadows shadows = new InMemoryShadows();
  static final List<Message> published = new CopyOnWriteArrayList<>();
  static LocalHttpApi api;
  static IotDataPlaneClient data;

  @BeforeAll
  static void start() {
    api =
        LocalHttpApi.start(
            HttpApiConfig.defaults(),
            List.of(
                new ShadowOperations(shadows, Clock.systemUTC()),
                new PublishOperation(
                    (topic, payload, qos, retain) ->
                        published.add(new Message(topic, new String(payload), qos, retain)))));
    data = AwsClients.data(api.url());
  }

  @AfterAll
  static void stop() {
    data.close();
    api.close();
  }

  @Test
  void classicShadowUpdateGetDelete() throws Exception {
    JsonNode accepted =
        json(
            data.updateThingShadow(
                    b ->
                        b.thingName("lamp")
                            .payload(bytes("{\"state\":{\"desired\":{\"on\":true}}}")))
                .payload());
    assertThat(accepted.at("/state/desired/on").asBoolean()).isTrue();
    assertThat(accepted.get("version").asLong()).isEqualTo(1);
    assertThat(shadows.published)
        .anyMatch(m -> m.topic().equals("$aws/things/lamp/shadow/update/delta"));

    JsonNode got = json(data.getThingShadow(b -> b.thingName("lamp")).payload());
    assertThat(got.at("/state/delta/on").asBoolean()).isTrue();

    assertThatThrownBy(
            () ->
                data.updateThingShadow(
                    b ->
                        b.thingName("lamp")
                            .payload(
                                bytes("{\"state\":{\"reported\":{\"on\":true}},\"version\":7}"))))
        .isInstanceOfSatisfying(
            ConflictException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(409);
              assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Version conflict");
            });

    JsonNode deleted = json(data.deleteThingShadow(b -> b.thingName("lamp")).payload());
    assertThat(deleted.get("version").asLong()).isEqualTo(1);
    assertThatThrownBy(() -> data.getThingShadow(b -> b.thingName("lamp")))
        .isInstanceOfSatisfying(
            ResourceNotFoundException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
  }

  @Test
  void namedShadowsAndTheirPagedListing() throws Exception {
    for (int i = 0; i < 5; i++) {
      String name = "s" + i;
      data.updateThingShadow(
          b ->
              b.thingName("robot")
                  .shadowName(name)
                  .payload(bytes("{\"state\":{\"reported\":{\"n\":1}}}")));
    }
    assertThat(
            json(data.getThingShadow(b -> b.thingName("robot").shadowName("s3")).payload())
                .at("/state/reported/n")
                .asInt())
        .isEqualTo(1);
    assertThatThrownBy(() -> data.getThingShadow(b -> b.thingName("robot")))
        .isInstanceOf(ResourceNotFoundException.class);

    List<String> all = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      String next = token;
      ListNamedShadowsForThingResponse page =
          data.listNamedShadowsForThing(b -> b.thingName("robot").pageSize(2).nextToken(next));
      all.addAll(page.results());
      assertThat(page.timestamp()).isPositive();
      token = page.nextToken();
      pages++;
    } while (token != null);
    assertThat(all).containsExactly("s0", "s1", "s2", "s3", "s4");
    assertThat(pages).isEqualTo(3);
  }

  @Test
  void badDocumentsAreRejectedWithAwsCodes() {
    assertThatThrownBy(
            () -> data.updateThingShadow(b -> b.thingName("t").payload(bytes("{not json"))))
        .isInstanceOfSatisfying(
            InvalidRequestException.class, e -> assertThat(e.statusCode()).isEqualTo(400));
    String big = "{\"state\":{\"reported\":{\"x\":\"" + "a".repeat(9000) + "\"}}}";
    assertThatThrownBy(() -> data.updateThingShadow(b -> b.thingName("t").payload(bytes(big))))
        .isInstanceOfSatisfying(
            RequestEntityTooLargeException.class, e -> assertThat(e.statusCode()).isEqualTo(413));
    assertThatThrownBy(() -> data.getThingShadow(b -> b.thingName("t").shadowName("bad name!")))
        .isInstanceOfSatisfying(
            InvalidRequestException.class, e -> assertThat(e.statusCode()).isEqualTo(400));
  }

  @Test
  void publishDeliversTheRawBodyOnTheDecodedTopic() {
    data.publish(
        b -> b.topic("$aws/rules/r1/a/b").qos(1).retain(true).payload(bytes("{\"t\":21}")));
    data.publish(b -> b.topic("sensors/room 1/temp").payload(bytes("raw")));
    assertThat(published)
        .contains(
            new Message("$aws/rules/r1/a/b", "{\"t\":21}", 1, true),
            new Message("sensors/room 1/temp", "raw", 0, false));

    assertThatThrownBy(() -> data.publish(b -> b.topic("a/#").payload(bytes("x"))))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> data.publish(b -> b.topic("a/b").qos(2).payload(bytes("x"))))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> data.publish(b -> b.topic("a/b/c/d/e/f/g/h/i").payload(bytes("x"))))
        .isInstanceOf(InvalidRequestException.class);
    byte[] tooBig = new byte[128 * 1024 + 1];
    assertThatThrownBy(
            () -> data.publish(b -> b.topic("a").payload(SdkBytes.fromByteArray(tooBig))))
        .isInstanceOfSatisfying(
            RequestEntityTooLargeException.class, e -> assertThat(e.statusCode()).isEqualTo(413));
  }

  static SdkBytes bytes(String s) {
    return SdkBytes.fromUtf8String(s);
  }

  static JsonNode json(SdkBytes bytes) throws Exception {
    return MAPPER.readTree(bytes.asByteArray());
  }
}
