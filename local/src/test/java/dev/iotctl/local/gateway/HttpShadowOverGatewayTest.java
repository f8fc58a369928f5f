package dev.iotctl.local.gateway;

import static dev.iotctl.local.gateway.GatewayFixture.closeQuietly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iotctl.core.shadow.ShadowEngine;
import dev.iotctl.local.http.AwsClients;
import dev.iotctl.local.http.HttpApiConfig;
import dev.iotctl.local.http.LocalHttpApi;
import dev.iotctl.local.http.data.GatewayPublisher;
import dev.iotctl.local.http.data.PublishOperation;
import dev.iotctl.local.http.data.ShadowOperations;
import dev.iotctl.local.http.data.ShadowServiceBackend;
import dev.iotctl.local.shadow.ShadowMqttBridge;
import dev.iotctl.local.shadow.ShadowService;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.iotdataplane.IotDataPlaneClient;

/**
 * HTTP and MQTT are one shadow service: an HTTP update reaches MQTT subscribers as {@code
 * /accepted}, {@code /delta} and {@code /documents}; a device's MQTT update is what HTTP reads;
 * HTTP Publish reaches subscribers allowed to receive it.
 */
class HttpShadowOverGatewayTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static GatewayFixture f;
  static ShadowService shadows;
  static LocalHttpApi api;
  static IotDataPlaneClient data;

  @BeforeAll
  static void start() throws Exception {
    f = new GatewayFixture();
    shadows =
        new ShadowService(
            new ShadowEngine(), new ShadowOverMqttTest.MapStore(), f.gateway::publish);
    f.gateway.setDevicePublishListener(new ShadowMqttBridge(shadows));
    api =
        LocalHttpApi.start(
            HttpApiConfig.defaults(),
            List.of(
                new ShadowOperations(
                    new ShadowServiceBackend(shadows, thing -> List.of()), Clock.systemUTC()),
                new PublishOperation(new GatewayPublisher(f.gateway, shadows))));
    data = AwsClients.data(api.url());
  }

  @AfterAll
  static void stop() {
    data.close();
    api.close();
    shadows.close();
    f.close();
  }

  @Test
  void httpUpdatePublishesToMqttAndMqttUpdateIsReadOverHttp() throws Exception {
    MqttClient lamp = f.connect(f.registeredDevice("thing", "lamp"), "lamp");
    try {
      Map<String, JsonNode> inbox = new ConcurrentHashMap<>();
      lamp.subscribe(
          "$aws/things/lamp/shadow/#",
          1,
          (topic, m) ->
              inbox.put(
                  topic.substring("$aws/things/lamp/shadow/".length()),
                  JSON.readTree(m.getPayload())));

      data.updateThingShadow(
          b ->
              b.thingName("lamp")
                  .payload(SdkBytes.fromUtf8String("{\"state\":{\"desired\":{\"on\":true}}}")));
      await().atMost(Duration.ofSeconds(5)).until(() -> inbox.containsKey("update/documents"));
      assertThat(inbox.get("update/delta").at("/state/on").asBoolean()).isTrue();
      assertThat(inbox.get("update/accepted").get("version").asLong()).isEqualTo(1);

      lamp.publish(
          "$aws/things/lamp/shadow/update",
          "{\"state\":{\"reported\":{\"on\":true}}}".getBytes(StandardCharsets.UTF_8),
          1,
          false);
      await()
          .atMost(Duration.ofSeconds(5))
          .until(
              () ->
                  JSON.readTree(
                          data.getThingShadow(b -> b.thingName("lamp")).payload().asByteArray())
                      .at("/state/reported/on")
                      .asBoolean());
      JsonNode doc =
          JSON.readTree(data.getThingShadow(b -> b.thingName("lamp")).payload().asByteArray());
      assertThat(doc.get("version").asLong()).isEqualTo(2);
      assertThat(doc.at("/state/delta").isMissingNode()).isTrue();
    } finally {
      closeQuietly(lamp);
    }
  }

  @Test
  void httpPublishReachesAllowedSubscribersAndShadowTopicsAreShadowRequests() throws Exception {
    MqttClient fan = f.connect(f.registeredDevice("thing", "fan"), "fan");
    try {
      Map<String, String> inbox = new ConcurrentHashMap<>();
      fan.subscribe(
          "things/fan/cmd", 1, (topic, m) -> inbox.put(topic, new String(m.getPayload())));
      fan.subscribe(
          "$aws/things/fan/shadow/update/accepted",
          1,
          (topic, m) -> inbox.put(topic, new String(m.getPayload())));

      data.publish(b -> b.topic("things/fan/cmd").qos(1).payload(SdkBytes.fromUtf8String("spin")));
      data.publish(
          b ->
              b.topic("$aws/things/fan/shadow/update")
                  .payload(SdkBytes.fromUtf8String("{\"state\":{\"reported\":{\"rpm\":5}}}")));

      await().atMost(Duration.ofSeconds(5)).until(() -> inbox.size() == 2);
      assertThat(inbox.get("things/fan/cmd")).isEqualTo("spin");
      assertThat(
              JSON.readTree(inbox.get("$aws/things/fan/shadow/update/accepted"))
                  .at("/state/reported/rpm")
                  .asInt())
          .isEqualTo(5);
    } finally {
      closeQuietly(fan);
    }
  }

  @Test
  void retainedHttpPublishReachesALaterSubscriber() throws Exception {
    data.publish(
        b ->
            b.topic("things/heater/config")
                .qos(1)
                .retain(true)
                .payload(SdkBytes.fromUtf8String("{\"target\":21}")));
    MqttClient heater = f.connect(f.registeredDevice("thing", "heater"), "heater");
    try {
      Map<String, String> inbox = new ConcurrentHashMap<>();
      heater.subscribe(
          "things/heater/config", 1, (topic, m) -> inbox.put(topic, new String(m.getPayload())));
      await().atMost(Duration.ofSeconds(5)).until(() -> inbox.containsKey("things/heater/config"));
      assertThat(inbox.get("things/heater/config")).isEqualTo("{\"target\":21}");
    } finally {
      closeQuietly(heater);
    }
  }
}
