package dev.iotctl.cli.local.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotctl.cli.CliRunner;
import dev.iotctl.cli.aws.AwsClients;
import dev.iotctl.cli.aws.AwsTarget;
import dev.iotctl.cli.aws.LocalTarget;
import dev.iotctl.cli.aws.Retries;
import dev.iotctl.cli.framework.CliEnvironment;
import dev.iotctl.core.pki.Csrs;
import dev.iotctl.core.pki.KeyPairs;
import dev.iotctl.core.pki.KeyType;
import dev.iotctl.core.pki.Pem;
import dev.iotctl.core.pki.TlsMaterial;
import dev.iotctl.device.mqtt.DeviceConnection;
import dev.iotctl.device.mqtt.DeviceConnectionException;
import dev.iotctl.device.mqtt.DeviceConnectionSettings;
import dev.iotctl.device.mqtt.Qos;
import dev.iotctl.local.LocalIotCore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.CertificateStatus;
import software.amazon.awssdk.services.iot.model.ResourceNotFoundException;

/**
 * {@code iotctl local apply} against a started stand-in: the fleet fixtures (shaped like the CDK
 * app's output) with CSRs generated here, applied, re-applied, shrunk; then a device connects with
 * the key generated beside its CSR.
 */
class LocalApplyEndToEndTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path dataDir;
  @TempDir Path work;

  private LocalIotCore standIn;
  private AwsClients clients;
  private IotClient iot;
  private final Map<String, KeyPair> keys = new java.util.HashMap<>();

  @BeforeEach
  void start() throws Exception {
    standIn = StandIn.start(dataDir);
    clients =
        new AwsClients(
            AwsTarget.local(LocalTarget.read(dataDir)),
            CliEnvironment.system(),
            Retries.INTERACTIVE,
            ApacheHttpClient::create);
    iot = clients.iot();
    Files.createDirectories(work.resolve("cdk.out"));
    Files.copy(
        Fixtures.path("fleet-core.template.json"),
        work.resolve("cdk.out/fleet-core.template.json"));
    ObjectNode shard =
        (ObjectNode) MAPPER.readTree(Fixtures.path("fleet-shard-000.template.json").toFile());
    for (String device : List.of("device-001", "device-002")) {
      KeyPair key = KeyPairs.generate(KeyType.EC_P256);
      keys.put(device, key);
      Pem.writePrivateKey(work.resolve(device + ".private.key"), key.getPrivate());
      String csr = Csrs.toPem(Csrs.create(key, device));
      Files.writeString(work.resolve(device + ".csr"), csr);
      for (JsonNode resource : shard.get("Resources")) {
        ObjectNode properties = (ObjectNode) resource.get("Properties");
        if (properties.path("CertificateSigningRequest").asText().equals("${CSR:" + device + "}")) {
          properties.put("CertificateSigningRequest", csr);
        }
      }
    }
    writeShard(shard);
  }

  @AfterEach
  void stop() {
    if (clients != null) {
      clients.close();
    }
    if (standIn != null) {
      standIn.close();
    }
  }

  @Test
  void appliesReappliesRemovesAndADeviceConnects() throws Exception {
    // Shard first on purpose: it imports the core's exports, so the core must be applied first.
    JsonNode first = apply("-o", "json");
    assertThat(first.at("/totals/created").asInt()).isEqualTo(14);
    assertThat(first.at("/totals/skipped").asInt()).isEqualTo(3);
    assertThat(first.at("/resources/0/stack").asText()).isEqualTo("fleet-core");
    assertThat(skipped(first))
        .containsExactlyInAnyOrder(
            "RulesalertsRole469E5415", "ThingBindingsHandler38A42834", "CDKMetadata");

    var thing = iot.describeThing(r -> r.thingName("device-001"));
    assertThat(thing.thingTypeName()).isEqualTo("sensor");
    assertThat(thing.attributes()).containsEntry("model", "t1000");
    assertThat(iot.listThingsInThingGroup(r -> r.thingGroupName("line-1")).things())
        .containsExactlyInAnyOrder("device-001", "device-002");
    assertThat(iot.listThingsInThingGroup(r -> r.thingGroupName("plant")).things()).isEmpty();
    assertThat(
            iot.describeThingGroup(r -> r.thingGroupName("line-1"))
                .thingGroupMetadata()
                .parentGroupName())
        .isEqualTo("plant");
    String policy = iot.getPolicy(r -> r.policyName("sensor")).policyDocument();
    assertThat(policy)
        .contains("arn:aws:iot:us-east-1:000000000000:client/${iot:Connection.Thing.ThingName}");
    assertThat(
            iot.getTopicRule(r -> r.ruleName("alerts"))
                .rule()
                .actions()
                .get(0)
                .republish()
                .roleArn())
        .isEqualTo("arn:aws:iam::000000000000:role/fleet-core-RulesalertsRole469E5415");

    String cert1 = physicalId(first, "Devicesdevice001CertificateA62F8DA4");
    String cert2 = physicalId(first, "Devicesdevice002Certificate5E6F7A8B");
    var described = iot.describeCertificate(r -> r.certificateId(cert1)).certificateDescription();
    assertThat(described.status()).isEqualTo(CertificateStatus.ACTIVE);
    assertThat(iot.listThingPrincipals(r -> r.thingName("device-001")).principals())
        .containsExactly(described.certificateArn());
    assertThat(iot.listAttachedPolicies(r -> r.target(described.certificateArn())).policies())
        .extracting(p -> p.policyName())
        .containsExactly("sensor");
    JsonNode state = MAPPER.readTree(AppliedState.file(dataDir, "fleet-shard-000").toFile());
    assertThat(state.at("/resources/Devicesdevice001CertificateA62F8DA4/physicalId").asText())
        .isEqualTo(cert1);
    assertThat(state.at("/resources/Devicesdevice001CertificateA62F8DA4/type").asText())
        .isEqualTo("AWS::IoT::Certificate");

    JsonNode again = apply("-o", "json");
    assertThat(again.at("/totals/unchanged").asInt()).isEqualTo(14);
    assertThat(
            again.at("/totals/created").asInt()
                + again.at("/totals/updated").asInt()
                + again.at("/totals/replaced").asInt()
                + again.at("/totals/removed").asInt())
        .isZero();
    assertThat(physicalId(again, "Devicesdevice001CertificateA62F8DA4")).isEqualTo(cert1);

    removeDevice002();
    JsonNode shrunk = apply("-o", "json");
    assertThat(actions(shrunk, "removed"))
        .containsExactlyInAnyOrder(
            "Devicesdevice002Thing1A2B3C4D",
            "Devicesdevice002Certificate5E6F7A8B",
            "Devicesdevice002ThingAttachment9C0D1E2F",
            "Devicesdevice002PolicyAttachment3A4B5C6D");
    assertThat(actions(shrunk, "updated")).containsExactly("DevicesBindings7878D311");
    assertThatThrownBy(() -> iot.describeThing(r -> r.thingName("device-002")))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> iot.describeCertificate(r -> r.certificateId(cert2)))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThat(iot.listThingsInThingGroup(r -> r.thingGroupName("line-1")).things())
        .containsExactly("device-001");
    assertThat(
            MAPPER
                .readTree(AppliedState.file(dataDir, "fleet-shard-000").toFile())
                .at("/resources")
                .has("Devicesdevice002Thing1A2B3C4D"))
        .isFalse();
    assertThat(apply("-o", "json").at("/totals/unchanged").asInt()).isEqualTo(10);

    // The device connects with the key generated beside its CSR and the certificate the CA signed.
    String certificatePem =
        iot.describeCertificate(r -> r.certificateId(cert1))
            .certificateDescription()
            .certificatePem();
    var tls =
        TlsMaterial.clientContext(
            Files.readString(standIn.rootCaPath()),
            certificatePem,
            Files.readString(work.resolve("device-001.private.key")));
    try (DeviceConnection device =
        DeviceConnection.open(
            DeviceConnectionSettings.of("127.0.0.1", standIn.mqttPort(), "device-001")
                .withConnectTimeout(Duration.ofSeconds(5)),
            tls)) {
      device
          .publish(
              "fleet/device-001/telemetry",
              "{\"temperature\": 21}".getBytes(StandardCharsets.UTF_8),
              Qos.AT_LEAST_ONCE)
          .get(10, TimeUnit.SECONDS);
      assertThat(device.isConnected()).isTrue();
    }
    // The applied policy admits only the attached thing's own client id.
    assertThatThrownBy(
            () ->
                DeviceConnection.open(
                        DeviceConnectionSettings.of("127.0.0.1", standIn.mqttPort(), "device-002")
                            .withConnectTimeout(Duration.ofSeconds(5)),
                        tls)
                    .close())
        .isInstanceOf(DeviceConnectionException.class);
  }

  @Test
  void textOutputIsATable() {
    CliRunner.Result result =
        CliRunner.run(
            "local",
            "apply",
            "--data-dir",
            dataDir.toString(),
            "-o",
            "text",
            work.resolve("cdk.out/fleet-core.template.json").toString());

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .contains("STACK", "LOGICAL ID", "ACTION")
        .containsPattern(
            "fleet-core\\s+PoliciessensorPolicy895A0A22\\s+AWS::IoT::Policy\\s+created\\s+sensor")
        .containsPattern(
            "RulesalertsRole469E5415\\s+AWS::IAM::Role\\s+skipped\\s+not an IoT resource")
        .contains("5 created, 0 unchanged, 0 updated, 0 replaced, 0 removed, 3 skipped");
  }

  @Test
  void aMissingExportFailsNamingIt() {
    CliRunner.Result result =
        CliRunner.run(
            "local",
            "apply",
            "--data-dir",
            dataDir.toString(),
            work.resolve("cdk.out/fleet-shard-000.template.json").toString());

    assertThat(result.exitCode()).isNotZero();
    assertThat(result.err())
        .contains("fleet-core:ExportsOutputRefPoliciessensorPolicy895A0A22")
        .contains("pass the exporting template too");
  }

  private JsonNode apply(String... options) throws Exception {
    String[] args =
        concat(
            new String[] {"local", "apply", "--data-dir", dataDir.toString()},
            options,
            new String[] {
              work.resolve("cdk.out/fleet-shard-000.template.json").toString(),
              work.resolve("cdk.out/fleet-core.template.json").toString()
            });
    CliRunner.Result result = CliRunner.run(args);
    assertThat(result.exitCode()).as(result.err()).isZero();
    return MAPPER.readTree(result.out());
  }

  private void removeDevice002() throws Exception {
    ObjectNode shard =
        (ObjectNode)
            MAPPER.readTree(work.resolve("cdk.out/fleet-shard-000.template.json").toFile());
    Iterator<String> ids = shard.get("Resources").fieldNames();
    while (ids.hasNext()) {
      if (ids.next().startsWith("Devicesdevice002")) {
        ids.remove();
      }
    }
    ((ObjectNode) shard.at("/Resources/DevicesBindings7878D311/Properties/Things"))
        .remove("device-002");
    writeShard(shard);
  }

  private void writeShard(ObjectNode shard) throws Exception {
    Files.writeString(
        work.resolve("cdk.out/fleet-shard-000.template.json"),
        MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(shard));
  }

  private static String physicalId(JsonNode summary, String logicalId) {
    for (JsonNode r : summary.get("resources")) {
      if (r.get("logicalId").asText().equals(logicalId)) {
        return r.get("physicalId").asText();
      }
    }
    throw new AssertionError("no " + logicalId + " in " + summary);
  }

  private static List<String> skipped(JsonNode summary) {
    return actions(summary, "skipped");
  }

  private static List<String> actions(JsonNode summary, String action) {
    List<String> ids = new java.util.ArrayList<>();
    summary
        .get("resources")
        .forEach(
            r -> {
              if (r.get("action").asText().equals(action)) {
                ids.add(r.get("logicalId").asText());
              }
            });
    return ids;
  }

  private static String[] concat(String[]... parts) {
    return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray(String[]::new);
  }
}
