package dev.iotctl.local.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iotctl.core.pki.CertificateAuthority;
import dev.iotctl.core.pki.Csrs;
import dev.iotctl.core.pki.KeyPairs;
import dev.iotctl.core.pki.KeyType;
import dev.iotctl.core.pki.Pem;
import dev.iotctl.device.sample.ClaimProvisioning;
import dev.iotctl.device.sample.ClaimSettings;
import dev.iotctl.device.sample.ShadowDeviceApp;
import dev.iotctl.device.sample.ShadowDeviceConfig;
import dev.iotctl.local.gateway.TestPki;
import dev.iotctl.local.http.AwsClients;
import dev.iotctl.local.http.HttpApiConfig;
import dev.iotctl.local.http.StandIn;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.crt.mqtt.MqttClientConnection;
import software.amazon.awssdk.crt.mqtt.QualityOfService;
import software.amazon.awssdk.iot.AwsIotMqttConnectionBuilder;
import software.amazon.awssdk.iot.iotidentity.IotIdentityClient;
import software.amazon.awssdk.iot.iotidentity.model.CreateCertificateFromCsrRequest;
import software.amazon.awssdk.iot.iotidentity.model.CreateCertificateFromCsrResponse;
import software.amazon.awssdk.iot.iotidentity.model.CreateCertificateFromCsrSubscriptionRequest;
import software.amazon.awssdk.iot.iotidentity.model.RegisterThingRequest;
import software.amazon.awssdk.iot.iotidentity.model.RegisterThingResponse;
import software.amazon.awssdk.iot.iotidentity.model.RegisterThingSubscriptionRequest;
import software.amazon.awssdk.services.iot.IotClient;

/**
 * The three ways a factory provisions a fleet, end to end on a real stand-in, each at scale:
 * just-in-time provisioning through your own CA, fleet provisioning by claim (the sample device and
 * the official SDK's identity client), and bulk registration. Each prints its devices per second
 * (no timed assertion: the machine is shared); every device then connects with its own certificate.
 * Devices share this JVM and connect with bounded concurrency.
 */
class ProvisioningAtScaleTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final int CONCURRENCY = 8;

  @TempDir Path dir;
  StandIn standIn;
  IotClient iot;
  ExecutorService pool;

  @BeforeEach
  void start() {
    standIn = new StandIn(dir.resolve("stand-in"), HttpApiConfig.defaults());
    iot = AwsClients.iot(standIn.url());
    pool = Executors.newFixedThreadPool(CONCURRENCY);
  }

  @AfterEach
  void stop() {
    pool.shutdownNow();
    iot.close();
    standIn.close();
  }

  @Test
  void twoHundredDevicesByJustInTimeProvisioning() throws Exception {
    int devices = 200;
    CertificateAuthority factoryCa = FactoryPki.ca("Line CA");
    String code = iot.getRegistrationCode(b -> {}).registrationCode();
    String caId =
        iot.registerCACertificate(
                b ->
                    b.caCertificate(Pem.toPem(factoryCa.certificate()))
                        .verificationCertificate(
                            FactoryPki.verificationCertificate(factoryCa, code))
                        .setAsActive(true)
                        .allowAutoRegistration(true)
                        .registrationConfig(
                            c ->
                                c.templateBody(JustInTimeProvisioningTest.JITP_TEMPLATE)
                                    .roleArn("arn:aws:iam::123456789012:role/JITP")))
            .certificateId();
    // The factory line signs offline.
    List<TestPki.Issued> bundles = new ArrayList<>();
    for (int i = 0; i < devices; i++) {
      bundles.add(FactoryPki.device(factoryCa, "CN=jitp-" + i + ",SERIALNUMBER=" + i));
    }

    long begin = System.nanoTime();
    run(
        devices,
        i -> {
          TestPki.Issued device = bundles.get(i);
          // First connection: provisioned, refused. The device reconnects with its certificate.
          assertThatThrownBy(() -> connectAndClose(device, "jitp-" + i))
              .isInstanceOf(MqttException.class);
          connectAndClose(device, "jitp-" + i);
          return null;
        });
    report("JITP through a local CA", devices, begin);

    assertThat(iot.listCertificatesByCA(b -> b.caCertificateId(caId).pageSize(250)).certificates())
        .hasSize(devices)
        .allSatisfy(c -> assertThat(c.statusAsString()).isEqualTo("ACTIVE"));
  }

  @Test
  void twoHundredDevicesByClaimWithTheSampleDeviceAndTheSdkIdentityClient() throws Exception {
    int perClient = 100;
    TestPki.Issued claim = ClaimFixture.setUp(standIn, iot, "factory");
    Path claimCert = dir.resolve("claim.pem.crt");
    Path claimKey = dir.resolve("claim.private.key");
    Files.writeString(claimCert, claim.certificatePem());
    Files.writeString(claimKey, Pem.toPem(claim.keys().getPrivate()));
    Path rootCa = standIn.core.rootCaPath();

    long begin = System.nanoTime();
    // The sample device: provisions by claim, stores its bundle, reconnects, reports its shadow.
    run(
        perClient,
        i -> {
          Path bundle = dir.resolve("devices/sample-" + i);
          ShadowDeviceConfig config =
              new ShadowDeviceConfig(
                  "claim-sample-" + i,
                  "127.0.0.1",
                  standIn.mqttPort(),
                  rootCa,
                  bundle.resolve("certificate.pem.crt"),
                  bundle.resolve("private.pem.key"),
                  null,
                  "wait_time",
                  60,
                  "devices/x/telemetry",
                  0,
                  null,
                  Duration.ofSeconds(30),
                  Duration.ofSeconds(20));
          ShadowDeviceConfig provisioned =
              ClaimProvisioning.provision(
                  config,
                  new ClaimSettings(
                      "factory", claimCert, claimKey, Map.of("SerialNumber", "s" + i)),
                  step -> {});
          assertThat(provisioned.deviceName()).isEqualTo("device-s" + i);
          try (ShadowDeviceApp app = new ShadowDeviceApp(provisioned)) {
            app.start();
          }
          return null;
        });
    // The official AWS IoT Device SDK for Java v2, unmodified: IotIdentityClient over MQTT 3.1.1.
    run(
        perClient,
        i -> {
          sdkProvision(claimCert, claimKey, rootCa, "k" + i);
          return null;
        });
    report(
        "fleet provisioning by claim (100 sample devices + 100 SDK devices)", 2 * perClient, begin);

    for (int i = 0; i < perClient; i++) {
      JsonNode shadow =
          JSON.readTree(standIn.core.shadowService().get("device-s" + i, null, null).json());
      assertThat(shadow.at("/state/reported/wait_time").asInt()).isEqualTo(60);
    }
    // The claim certificate can do nothing but provision.
    MqttClient claimClient =
        FactoryPki.connect(dir.resolve("stand-in"), standIn.mqttPort(), claim, null, "device-s0");
    try {
      assertThatThrownBy(() -> claimClient.publish("telemetry/device-s0", new byte[] {1}, 1, false))
          .isInstanceOf(MqttException.class);
    } finally {
      FactoryPki.closeAll(List.of(claimClient));
    }
  }

  /** Claim → CSR made here → CreateCertificateFromCsr → RegisterThing → own connection. */
  private void sdkProvision(Path claimCert, Path claimKey, Path rootCa, String serial)
      throws Exception {
    KeyPair keys = KeyPairs.generate(KeyType.EC_P256);
    CreateCertificateFromCsrResponse created;
    RegisterThingResponse registered;
    MqttClientConnection claimConnection =
        sdkConnection(claimCert, claimKey, rootCa, "claim-sdk-" + serial);
    try {
      IotIdentityClient identity = new IotIdentityClient(claimConnection);
      CompletableFuture<CreateCertificateFromCsrResponse> certificate = new CompletableFuture<>();
      identity.SubscribeToCreateCertificateFromCsrAccepted(
              new CreateCertificateFromCsrSubscriptionRequest(),
              QualityOfService.AT_LEAST_ONCE,
              certificate::complete)
          .get(20, TimeUnit.SECONDS);
      identity.SubscribeToCreateCertificateFromCsrRejected(
              new CreateCertificateFromCsrSubscriptionRequest(),
              QualityOfService.AT_LEAST_ONCE,
              e -> certificate.completeExceptionally(new IllegalStateException(e.errorMessage)))
          .get(20, TimeUnit.SECONDS);
      CreateCertificateFromCsrRequest csr = new CreateCertificateFromCsrRequest();
      csr.certificateSigningRequest = Csrs.toPem(Csrs.create(keys, "sdk-" + serial));
      identity.PublishCreateCertificateFromCsr(csr, QualityOfService.AT_LEAST_ONCE)
          .get(20, TimeUnit.SECONDS);
      created = certificate.get(20, TimeUnit.SECONDS);

      RegisterThingSubscriptionRequest topics = new RegisterThingSubscriptionRequest();
      topics.templateName = "factory";
      CompletableFuture<RegisterThingResponse> thing = new CompletableFuture<>();
      identity.SubscribeToRegisterThingAccepted(
              topics, QualityOfService.AT_LEAST_ONCE, thing::complete)
          .get(20, TimeUnit.SECONDS);
      identity.SubscribeToRegisterThingRejected(
              topics,
              QualityOfService.AT_LEAST_ONCE,
              e -> thing.completeExceptionally(new IllegalStateException(e.errorCode)))
          .get(20, TimeUnit.SECONDS);
      RegisterThingRequest register = new RegisterThingRequest();
      register.templateName = "factory";
      register.certificateOwnershipToken = created.certificateOwnershipToken;
      register.parameters = new HashMap<>(Map.of("SerialNumber", serial));
      identity.PublishRegisterThing(register, QualityOfService.AT_LEAST_ONCE)
          .get(20, TimeUnit.SECONDS);
      registered = thing.get(20, TimeUnit.SECONDS);
    } finally {
      claimConnection.disconnect().get(10, TimeUnit.SECONDS);
      claimConnection.close();
    }
    assertThat(registered.thingName).isEqualTo("device-" + serial);
    assertThat(registered.deviceConfiguration).containsEntry("Fleet", "factory-1");
    // Its own certificate, as the thing the template named.
    Path own = dir.resolve("devices/sdk-" + serial);
    Files.createDirectories(own);
    Files.writeString(own.resolve("cert.pem"), created.certificatePem);
    Files.writeString(own.resolve("key.pem"), Pem.toPem(keys.getPrivate()));
    MqttClientConnection device =
        sdkConnection(
            own.resolve("cert.pem"), own.resolve("key.pem"), rootCa, registered.thingName);
    device.disconnect().get(10, TimeUnit.SECONDS);
    device.close();
  }

  private MqttClientConnection sdkConnection(Path cert, Path key, Path rootCa, String clientId)
      throws Exception {
    try (AwsIotMqttConnectionBuilder builder =
        AwsIotMqttConnectionBuilder.newMtlsBuilderFromPath(cert.toString(), key.toString())) {
      MqttClientConnection connection =
          builder
              .withCertificateAuthorityFromPath(null, rootCa.toString())
              .withEndpoint("127.0.0.1")
              .withPort(standIn.mqttPort())
              .withClientId(clientId)
              .withCleanSession(true)
              .build();
      connection.connect().get(20, TimeUnit.SECONDS);
      return connection;
    }
  }

  @Test
  void aThousandDevicesByBulkRegistration() throws Exception {
    int devices = 1000;
    Path input = dir.resolve("devices.jsonl");
    List<KeyPair> keys = new ArrayList<>();
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < devices; i++) {
      KeyPair pair = KeyPairs.generate(KeyType.EC_P256);
      keys.add(pair);
      lines
          .append(
              JSON.createObjectNode()
                  .put("ThingName", "bulk-" + i)
                  .put("SerialNumber", Integer.toString(i))
                  .put("CSR", Csrs.toPem(Csrs.create(pair, "bulk-" + i))))
          .append('\n');
    }
    Files.writeString(input, lines);
    iot.createPolicy(b -> b.policyName("bulk-device").policyDocument(BULK_POLICY));

    long begin = System.nanoTime();
    String taskId =
        iot.startThingRegistrationTask(
                b ->
                    b.templateBody(BULK_TEMPLATE)
                        .inputFileBucket("factory-bucket")
                        .inputFileKey(input.toString())
                        .roleArn("arn:aws:iam::123456789012:role/Bulk"))
            .taskId();
    await()
        .atMost(Duration.ofSeconds(50))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                !iot.describeThingRegistrationTask(b -> b.taskId(taskId))
                    .statusAsString()
                    .equals("InProgress"));
    report("bulk registration", devices, begin);

    var task = iot.describeThingRegistrationTask(b -> b.taskId(taskId));
    assertThat(task.statusAsString()).isEqualTo("Completed");
    assertThat(task.successCount()).isEqualTo(devices);
    assertThat(task.failureCount()).isZero();
    assertThat(task.percentageProgress()).isEqualTo(100);
    String results =
        iot.listThingRegistrationTaskReports(b -> b.taskId(taskId).reportType("RESULTS"))
            .resourceLinks()
            .get(0);
    Map<Integer, String> certificates = new ConcurrentHashMap<>();
    for (String line : Files.readAllLines(Path.of(URI.create(results)))) {
      JsonNode result = JSON.readTree(line);
      certificates.put(
          result.get("referenceId").asInt() - 1, result.at("/response/CertificatePem").asText());
    }
    assertThat(certificates).hasSize(devices);

    long connectBegin = System.nanoTime();
    run(
        devices,
        i -> {
          connectAndClose(
              new TestPki.Issued(keys.get(i), Pem.parseCertificate(certificates.get(i))),
              "bulk-" + i);
          return null;
        });
    report("bulk-registered devices connecting", devices, connectBegin);
  }

  static final String BULK_TEMPLATE =
      """
      {"Parameters":{"ThingName":{"Type":"String"},"SerialNumber":{"Type":"String"},"CSR":{"Type":"String"}},
       "Resources":{
         "thing":{"Type":"AWS::IoT::Thing","Properties":{"ThingName":{"Ref":"ThingName"},
           "AttributePayload":{"serialNumber":{"Ref":"SerialNumber"}}}},
         "certificate":{"Type":"AWS::IoT::Certificate","Properties":{
           "CertificateSigningRequest":{"Ref":"CSR"},"Status":"ACTIVE"}},
         "policy":{"Type":"AWS::IoT::Policy","Properties":{"PolicyName":"bulk-device"}}}}
      """;

  static final String BULK_POLICY =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iot:Connect\","
          + "\"Resource\":\"arn:aws:iot:us-east-1:123456789012:client/${iot:Connection.Thing.ThingName}\"}]}";

  private void connectAndClose(TestPki.Issued device, String clientId) throws MqttException {
    MqttClient client =
        FactoryPki.connect(dir.resolve("stand-in"), standIn.mqttPort(), device, null, clientId);
    assertThat(client.isConnected()).isTrue();
    client.disconnect(0); // DISCONNECT sent, no quiesce wait
    client.close();
  }

  /** Runs {@code count} device tasks on the bounded pool; rethrows the first failure. */
  private void run(int count, ThrowingTask task) throws Exception {
    List<Future<Object>> futures = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int index = i;
      futures.add(pool.submit(() -> task.run(index)));
    }
    for (Future<Object> f : futures) {
      f.get(55, TimeUnit.SECONDS);
    }
  }

  @FunctionalInterface
  private interface ThrowingTask {
    Object run(int index) throws Exception;
  }

  private static void report(String flow, int devices, long beginNanos) {
    double seconds = (System.nanoTime() - beginNanos) / 1e9;
    System.out.printf(
        "PROVISIONING %s: %d devices in %.1f s = %.1f devices/s%n",
        flow, devices, seconds, devices / seconds);
  }
}
