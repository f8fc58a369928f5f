package dev.iotctl.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iotctl.core.pki.Pem;
import dev.iotctl.device.sample.ShadowDeviceApp;
import dev.iotctl.device.sample.ShadowDeviceConfig;
import dev.iotctl.local.gateway.TestPki;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.crt.iot.MqttRequestResponseClientOptions;
import software.amazon.awssdk.crt.iot.StreamingOperation;
import software.amazon.awssdk.crt.mqtt.MqttClientConnection;
import software.amazon.awssdk.crt.mqtt.QualityOfService;
import software.amazon.awssdk.iot.AwsIotMqttConnectionBuilder;
import software.amazon.awssdk.iot.V2ClientStreamOptions;
import software.amazon.awssdk.iot.iotshadow.IotShadowClient;
import software.amazon.awssdk.iot.iotshadow.IotShadowV2Client;
import software.amazon.awssdk.iot.iotshadow.model.GetShadowRequest;
import software.amazon.awssdk.iot.iotshadow.model.GetShadowResponse;
import software.amazon.awssdk.iot.iotshadow.model.ShadowDeltaUpdatedEvent;
import software.amazon.awssdk.iot.iotshadow.model.ShadowDeltaUpdatedSubscriptionRequest;
import software.amazon.awssdk.iot.iotshadow.model.ShadowState;
import software.amazon.awssdk.iot.iotshadow.model.UpdateShadowRequest;
import software.amazon.awssdk.iot.iotshadow.model.UpdateShadowResponse;
import software.amazon.awssdk.iot.iotshadow.model.UpdateShadowSubscriptionRequest;

/**
 * Unmodified shadow clients against the assembled stand-in, with the shipped device policy: the
 * official AWS IoT Device SDK v2 (the request/response V2 client and the V1 client) and iotctl's
 * own sample device.
 */
class ShadowClientsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path dir;
  private static LocalIotCore core;

  @BeforeAll
  static void start() {
    core = LocalIotCore.start(LocalIotCoreConfig.defaults(dir.resolve("data")));
  }

  @AfterAll
  static void stop() {
    core.close();
  }

  /** Provisions the thing and writes its certificate and key; returns {cert, key}. */
  private static Path[] device(String thing) {
    TestPki.Issued issued = Devices.provision(core, thing);
    Path cert = dir.resolve(thing + ".pem.crt");
    Path key = dir.resolve(thing + ".private.pem.key");
    Pem.writeAtomically(cert, issued.certificatePem());
    Pem.writePrivateKey(key, issued.keys().getPrivate());
    return new Path[] {cert, key};
  }

  private static MqttClientConnection sdkConnection(String thing) throws Exception {
    Path[] pem = device(thing);
    try (AwsIotMqttConnectionBuilder builder =
        AwsIotMqttConnectionBuilder.newMtlsBuilderFromPath(pem[0].toString(), pem[1].toString())) {
      MqttClientConnection connection =
          builder
              .withCertificateAuthorityFromPath(null, core.rootCaPath().toString())
              .withEndpoint("127.0.0.1")
              .withPort(core.mqttPort())
              .withClientId(thing)
              .withCleanSession(true)
              .build();
      connection.connect().get(20, TimeUnit.SECONDS);
      return connection;
    }
  }

  private static HashMap<String, Object> map(String key, Object value) {
    HashMap<String, Object> m = new HashMap<>();
    m.put(key, value);
    return m;
  }

  private static JsonNode shadow(String thing) throws Exception {
    return JSON.readTree(core.shadowService().get(thing, null, null).json());
  }

  @Test
  void awsSdkV2ShadowClientGetsUpdatesAndFollowsDeltas() throws Exception {
    MqttClientConnection connection = sdkConnection("sdk-v2");
    try (IotShadowV2Client shadow =
        IotShadowV2Client.newFromMqtt311(
            connection,
            MqttRequestResponseClientOptions.builder()
                .withMaxRequestResponseSubscriptions(4)
                .withMaxStreamingSubscriptions(2)
                .withOperationTimeoutSeconds(10)
                .build())) {
      UpdateShadowRequest report = new UpdateShadowRequest();
      report.thingName = "sdk-v2";
      report.state = new ShadowState();
      report.state.reported = map("temp", 21);
      UpdateShadowResponse updated = shadow.updateShadow(report).get(15, TimeUnit.SECONDS);
      assertThat(updated.version).isEqualTo(1);

      List<ShadowDeltaUpdatedEvent> deltas = new CopyOnWriteArrayList<>();
      ShadowDeltaUpdatedSubscriptionRequest deltaRequest =
          new ShadowDeltaUpdatedSubscriptionRequest();
      deltaRequest.thingName = "sdk-v2";
      try (StreamingOperation stream =
          shadow.createShadowDeltaUpdatedStream(
              deltaRequest,
              V2ClientStreamOptions.<ShadowDeltaUpdatedEvent>builder()
                  .withStreamEventHandler(deltas::add)
                  .build())) {
        stream.open();
        // The stream's subscription is asynchronous: keep setting desired until a delta arrives.
        await()
            .atMost(Duration.ofSeconds(10))
            .pollInterval(Duration.ofMillis(300))
            .until(
                () -> {
                  core.shadowService()
                      .update(
                          "sdk-v2",
                          null,
                          "{\"state\":{\"desired\":{\"temp\":22}}}"
                              .getBytes(StandardCharsets.UTF_8));
                  return !deltas.isEmpty();
                });
        assertThat(((Number) deltas.get(0).state.get("temp")).intValue()).isEqualTo(22);

        GetShadowRequest get = new GetShadowRequest();
        get.thingName = "sdk-v2";
        GetShadowResponse got = shadow.getShadow(get).get(15, TimeUnit.SECONDS);
        assertThat(((Number) got.state.delta.get("temp")).intValue()).isEqualTo(22);
        assertThat(((Number) got.state.reported.get("temp")).intValue()).isEqualTo(21);

        report.state.reported = map("temp", 22);
        shadow.updateShadow(report).get(15, TimeUnit.SECONDS);
        assertThat(shadow(get.thingName).at("/state/delta").isMissingNode()).isTrue();
      }
    } finally {
      connection.disconnect().get(10, TimeUnit.SECONDS);
      connection.close();
    }
  }

  @Test
  void awsSdkV1ShadowClientUpdatesAndReceivesDeltas() throws Exception {
    MqttClientConnection connection = sdkConnection("sdk-v1");
    try {
      IotShadowClient shadow = new IotShadowClient(connection);
      List<UpdateShadowResponse> accepted = new CopyOnWriteArrayList<>();
      List<ShadowDeltaUpdatedEvent> deltas = new CopyOnWriteArrayList<>();
      UpdateShadowSubscriptionRequest updates = new UpdateShadowSubscriptionRequest();
      updates.thingName = "sdk-v1";
      shadow.SubscribeToUpdateShadowAccepted(updates, QualityOfService.AT_LEAST_ONCE, accepted::add)
          .get(10, TimeUnit.SECONDS);
      ShadowDeltaUpdatedSubscriptionRequest deltaRequest =
          new ShadowDeltaUpdatedSubscriptionRequest();
      deltaRequest.thingName = "sdk-v1";
      shadow.SubscribeToShadowDeltaUpdatedEvents(
              deltaRequest, QualityOfService.AT_LEAST_ONCE, deltas::add)
          .get(10, TimeUnit.SECONDS);

      UpdateShadowRequest desired = new UpdateShadowRequest();
      desired.thingName = "sdk-v1";
      desired.clientToken = "v1-token";
      desired.state = new ShadowState();
      desired.state.desired = map("color", "green");
      shadow.PublishUpdateShadow(desired, QualityOfService.AT_LEAST_ONCE).get(10, TimeUnit.SECONDS);

      await().atMost(Duration.ofSeconds(5)).until(() -> !accepted.isEmpty() && !deltas.isEmpty());
      assertThat(accepted.get(0).clientToken).isEqualTo("v1-token");
      assertThat(accepted.get(0).version).isEqualTo(1);
      assertThat(deltas.get(0).state).containsEntry("color", "green");
    } finally {
      connection.disconnect().get(10, TimeUnit.SECONDS);
      connection.close();
    }
  }

  @Test
  void iotctlSampleDeviceConvergesOnADesiredValueSetByAnotherClient() throws Exception {
    Path[] pem = device("sample-1");
    ShadowDeviceConfig config =
        new ShadowDeviceConfig(
            "sample-1",
            "127.0.0.1",
            core.mqttPort(),
            core.rootCaPath(),
            pem[0],
            pem[1],
            null,
            "wait_time",
            5,
            "devices/sample-1/telemetry",
            0,
            null,
            Duration.ofSeconds(30),
            ShadowDeviceConfig.DEFAULT_REQUEST_TIMEOUT);
    try (ShadowDeviceApp app = new ShadowDeviceApp(config)) {
      app.start();
      assertThat(shadow("sample-1").at("/state/reported/wait_time").asInt()).isEqualTo(5);

      core.shadowService()
          .update(
              "sample-1",
              null,
              "{\"state\":{\"desired\":{\"wait_time\":2}}}".getBytes(StandardCharsets.UTF_8));

      await().atMost(Duration.ofSeconds(5)).until(() -> app.waitTime() == 2);
      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> shadow("sample-1").at("/state/delta").isMissingNode());
      assertThat(shadow("sample-1").at("/state/reported/wait_time").asInt()).isEqualTo(2);
      assertThat(app.isConnected()).isTrue();
    }
  }
}
