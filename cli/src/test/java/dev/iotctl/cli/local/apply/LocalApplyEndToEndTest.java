package dev.iotctl.cli.local.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iotctl.cli.CliRunner;
import dev.iotctl.cli.aws.AwsClients;
import dev.iotctl.cli.aws.AwsTarget;
import dev.iotctl.cli.aws.LocalTarget;
import dev.iotctl.cli.aws.Retries;
import dev.iotctl.cli.framework.CliEnvironment;
import dev.iotctl.core.pki.TlsMaterial;
import dev.iotctl.device.mqtt.DeviceConnection;
import dev.iotctl.device.mqtt.DeviceConnectionException;
import dev.iotctl.device.mqtt.DeviceConnectionSettings;
import dev.iotctl.device.mqtt.Qos;
import dev.iotctl.local.LocalIotCore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.CertificateStatus;
import software.amazon.awssdk.services.iot.model.ResourceNotFoundException;

/**
 * {@code iotctl local apply} against a started stand-in, on templates the CDK app synthesizes
 * ({@link Fixtures}): applied, re-applied, then the fleet without {@code device-002} and its
 * policy; then a device connects with the key generated beside its CSR. Thing bindings and the
 * removal guard run the CDK's Python handler with boto3 (tag {@code peers}).
 */
@Tag("peers")
class LocalApplyEndToEndTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path dataDir;
  @TempDir Path work;

  private LocalIotCore standIn;
  private AwsClients clients;
  private IotClient iot;

  @BeforeEach
  void start() {
    PythonPeer.assumeBoto3();
    standIn = StandIn.start(dataDir);
    clients =
        new AwsClients(
            AwsTarget.local(LocalTarget.read(dataDir)),
            CliEnvironment.system(),
            Retries.INTERACTIVE,
            ApacheHttpClient::create);
    iot = clients.iot();
    Fixtures.copy(Fixtures.FULL, cdkOut());
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
    Template core = Fixtures.template(Fixtures.FULL, Fixtures.CORE);
    Template shard = Fixtures.template(Fixtures.FULL, Fixtures.SHARD);
    // Shard first on purpose: manifest.json says it deploys after the core.
    JsonNode first = apply("-o", "json");
    assertThat(first.at("/resources/0/stack").asText()).isEqualTo("fleet-core");
    assertThat(first.at("/totals/created").asInt()).isEqualTo(16);
    assertThat(skippedTypes(first))
        .containsExactlyInAnyOrder(
            "AWS::IAM::Role",
            "AWS::IAM::Policy",
            "AWS::IAM::Role",
            "AWS::IAM::Policy",
            "AWS::Lambda::Function",
            "AWS::CDK::Metadata",
            "AWS::CDK::Metadata");

    // A typed thing with five attributes: the bindings set the type, then the attributes.
    var thing = iot.describeThing(r -> r.thingName("device-001"));
    assertThat(thing.thingTypeName()).isEqualTo("sensor");
    assertThat(thing.attributes())
        .containsEntry("model", "t1000")
        .containsEntry("owner", "ops")
        .hasSize(5);
    assertThat(iot.describeThing(r -> r.thingName("device-002")).thingTypeName()).isNull();
    assertThat(iot.listThingsInThingGroup(r -> r.thingGroupName("line-1")).things())
        .containsExactlyInAnyOrder("device-001", "device-002");
    assertThat(iot.listThingsInThingGroup(r -> r.thingGroupName("plant")).things()).isEmpty();
    assertThat(
            iot.describeThingGroup(r -> r.thingGroupName("line-1"))
                .thingGroupMetadata()
                .parentGroupName())
        .isEqualTo("plant");
    assertThat(iot.getPolicy(r -> r.policyName("sensor")).policyDocument())
        .contains("arn:aws:iot:us-east-1:000000000000:client/${iot:Connection.Thing.ThingName}");
    assertThat(
            iot.getTopicRule(r -> r.ruleName("alerts"))
                .rule()
                .actions()
                .get(0)
                .republish()
                .roleArn())
        .startsWith("arn:aws:iam::000000000000:role/fleet-core-RulesalertsActionRole");

    String cert1 = certificateOf(first, "device-001");
    String cert2 = certificateOf(first, "device-002");
    var described = iot.describeCertificate(r -> r.certificateId(cert1)).certificateDescription();
    assertThat(described.status()).isEqualTo(CertificateStatus.ACTIVE);
    assertThat(iot.listThingPrincipals(r -> r.thingName("device-001")).principals())
        .containsExactly(described.certificateArn());
    assertThat(iot.listAttachedPolicies(r -> r.target(described.certificateArn())).policies())
        .extracting(p -> p.policyName())
        .containsExactly("sensor");

    JsonNode again = apply("-o", "json");
    assertThat(again.at("/totals/unchanged").asInt()).isEqualTo(16);
    assertThat(changes(again)).isZero();

    // The fleet without device-002 and the gateway policy it used: the core deploys first, so the
    // removal guard detaches the policy before the policy is deleted.
    Fixtures.copy(Fixtures.SHRUNK, cdkOut());
    JsonNode shrunk = apply("-o", "json");
    assertThat(actions(shrunk, "removed"))
        .contains(Fixtures.logicalId(core, "AWS::IoT::Policy", "PolicyName", "gateway"))
        .contains(Fixtures.logicalId(shard, "AWS::IoT::Thing", "ThingName", "device-002"))
        .hasSize(5);
    assertThat(actions(shrunk, "updated"))
        .containsExactlyInAnyOrder(
            Fixtures.logicalIds(core, "Custom::IotctlRemovalGuard").get(0),
            Fixtures.logicalIds(shard, "Custom::IotctlThingBindings").get(0));
    assertThatThrownBy(() -> iot.getPolicy(r -> r.policyName("gateway")))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> iot.describeThing(r -> r.thingName("device-002")))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> iot.describeCertificate(r -> r.certificateId(cert2)))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThat(iot.listThingsInThingGroup(r -> r.thingGroupName("line-1")).things())
        .containsExactly("device-001");
    assertThat(changes(apply("-o", "json"))).isZero();

    // The device connects with the key generated beside its CSR and the certificate the CA signed.
    String certificatePem =
        iot.describeCertificate(r -> r.certificateId(cert1))
            .certificateDescription()
            .certificatePem();
    var tls =
        TlsMaterial.clientContext(
            Files.readString(standIn.rootCaPath()),
            certificatePem,
            Files.readString(Fixtures.key("device-001")));
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
            cdkOut().resolve("fleet-core.template.json").toString());

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .contains("STACK", "LOGICAL ID", "ACTION")
        .containsPattern(
            "fleet-core\\s+Policiessensor\\w+\\s+AWS::IoT::Policy\\s+created\\s+sensor")
        .containsPattern(
            "RulesalertsActionRole\\w+\\s+AWS::IAM::Role\\s+skipped\\s+not an IoT resource")
        .contains("7 created, 0 unchanged, 0 updated, 0 replaced, 0 removed, 6 skipped");
  }

  @Test
  void aShardWithoutItsCoreFailsNamingWhatIsMissing() {
    CliRunner.Result result =
        CliRunner.run(
            "local",
            "apply",
            "--data-dir",
            dataDir.toString(),
            cdkOut().resolve("fleet-shard-000.template.json").toString());

    assertThat(result.exitCode()).isNotZero();
    assertThat(result.err()).contains("fleet-shard-000/").contains("sensor");
  }

  private Path cdkOut() {
    return work.resolve("cdk.out");
  }

  private JsonNode apply(String... options) throws Exception {
    List<String> args =
        new ArrayList<>(List.of("local", "apply", "--data-dir", dataDir.toString()));
    args.addAll(List.of(options));
    args.add(cdkOut().resolve("fleet-shard-000.template.json").toString());
    args.add(cdkOut().resolve("fleet-core.template.json").toString());
    CliRunner.Result result = CliRunner.run(args.toArray(new String[0]));
    assertThat(result.exitCode()).as(result.err()).isZero();
    return MAPPER.readTree(result.out());
  }

  /** The certificate id applied for {@code thing} (through its thing attachment). */
  private static String certificateOf(JsonNode summary, String thing) {
    String prefix = "Devices" + thing.replace("-", "") + "Certificate";
    for (JsonNode r : summary.get("resources")) {
      String id = r.get("logicalId").asText();
      if (id.startsWith(prefix) && r.get("type").asText().equals("AWS::IoT::Certificate")) {
        return r.get("physicalId").asText();
      }
    }
    throw new AssertionError("no certificate of " + thing + " in " + summary);
  }

  private static int changes(JsonNode summary) {
    return summary.at("/totals/created").asInt()
        + summary.at("/totals/updated").asInt()
        + summary.at("/totals/replaced").asInt()
        + summary.at("/totals/removed").asInt();
  }

  private static List<String> skippedTypes(JsonNode summary) {
    List<String> types = new ArrayList<>();
    summary
        .get("resources")
        .forEach(
            r -> {
              if (r.get("action").asText().equals("skipped")) {
                types.add(r.get("type").asText());
              }
            });
    return types;
  }

  private static List<String> actions(JsonNode summary, String action) {
    List<String> ids = new ArrayList<>();
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
}
