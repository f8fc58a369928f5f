package dev.iotctl.cli.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iotctl.cli.CliRunner;
import dev.iotctl.cli.LocalStandIn;
import dev.iotctl.cli.certs.DeviceBundle;
import dev.iotctl.cli.framework.ExitCodes;
import dev.iotctl.cli.framework.Json;
import dev.iotctl.core.pki.Pem;
import dev.iotctl.device.mqtt.DeviceConnection;
import dev.iotctl.device.mqtt.DeviceConnectionSettings;
import dev.iotctl.device.tls.DeviceTls;
import dev.iotctl.local.provisioning.CaCertificate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A factory line: own CA, registered with JITP, bundles signed offline, devices provisioned. */
class CaCommandsTest {
  static final String JITP =
      """
      {"Parameters":{"AWS::IoT::Certificate::CommonName":{"Type":"String"},
                     "AWS::IoT::Certificate::Id":{"Type":"String"}},
       "Resources":{
         "thing":{"Type":"AWS::IoT::Thing","Properties":{"ThingName":{"Ref":"AWS::IoT::Certificate::CommonName"}}},
         "certificate":{"Type":"AWS::IoT::Certificate","Properties":{"CertificateId":{"Ref":"AWS::IoT::Certificate::Id"},"Status":"ACTIVE"}},
         "policy":{"Type":"AWS::IoT::Policy","Properties":{"PolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iot:Connect","Resource":"*"}]}}}}}
      """;

  @TempDir Path dir;
  LocalStandIn standIn;

  @BeforeEach
  void start() {
    standIn = new LocalStandIn(dir.resolve("stand-in"), false);
  }

  @AfterEach
  void stop() {
    standIn.close();
  }

  @Test
  void createRegisterIssueOfflineAndProvisionOnFirstConnection() throws Exception {
    Path ca = dir.resolve("ca");
    CliRunner.Result created =
        CliRunner.run("ca", "create", "--out", ca.toString(), "--subject", "CN=Line 1 CA,O=Acme");
    assertThat(created.exitCode()).as(created.err()).isZero();
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(ca.resolve(FactoryCa.PRIVATE_KEY))))
        .isEqualTo("rw-------");
    assertThat(CliRunner.run("ca", "create", "--out", ca.toString()).exitCode())
        .isEqualTo(ExitCodes.CONFLICT);

    Path template = dir.resolve("jitp.json");
    Files.writeString(template, JITP);
    CliRunner.Result registered =
        standIn.run(
            "ca",
            "register",
            "--ca",
            ca.toString(),
            "--allow-auto-registration",
            "--template-body",
            template.toString(),
            "--role-arn",
            "arn:aws:iam::123456789012:role/JITP",
            "--output",
            "json");
    assertThat(registered.exitCode()).as(registered.err()).isZero();
    String caId = Json.MAPPER.readTree(registered.out()).path("certificateId").asText();
    CaCertificate described = standIn.core.provisioning().caCertificates().describe(caId);
    assertThat(described.isActive()).isTrue();
    assertThat(described.registersOnConnection()).isTrue();
    assertThat(described.registrationConfig()).isPresent();

    // The factory line signs offline: no stand-in, no AWS.
    Path bundles = dir.resolve("bundles");
    CliRunner.Result issued =
        CliRunner.run(
            "certs",
            "issue",
            "--ca",
            ca.toString(),
            "--prefix",
            "line1-",
            "--count",
            "3",
            "--out",
            bundles.toString(),
            "--output",
            "json");
    assertThat(issued.exitCode()).as(issued.err()).isZero();
    JsonNode summary = Json.MAPPER.readTree(issued.out());
    assertThat(summary.path("issued").asInt()).isEqualTo(3);
    Path bundle = bundles.resolve("line1-0001");
    List<X509Certificate> chain =
        Pem.parseCertificates(Files.readString(bundle.resolve(DeviceBundle.CERTIFICATE)));
    assertThat(chain).hasSize(2);
    assertThat(chain.get(0).getSubjectX500Principal().getName()).isEqualTo("CN=line1-0001");
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(bundle.resolve(DeviceBundle.PRIVATE_KEY))))
        .isEqualTo("rw-------");
    // A second run issues nothing new.
    CliRunner.Result again =
        CliRunner.run(
            "certs",
            "issue",
            "--ca",
            ca.toString(),
            "--prefix",
            "line1-",
            "--count",
            "3",
            "--out",
            bundles.toString(),
            "--output",
            "json");
    assertThat(Json.MAPPER.readTree(again.out()).path("skippedCount").asInt()).isEqualTo(3);

    // First connection: provisioned and refused; the device reconnects and is in.
    assertThatThrownBy(() -> connect(bundle, "line1-0001").close()).isInstanceOf(Exception.class);
    try (DeviceConnection connection = connect(bundle, "line1-0001")) {
      assertThat(standIn.core.registry().things().describe("line1-0001").name())
          .isEqualTo("line1-0001");
    }
  }

  @Test
  void registerNeedsARoleWithATemplateAndACa() {
    Path ca = dir.resolve("ca");
    assertThat(CliRunner.run("ca", "create", "--out", ca.toString()).exitCode()).isZero();
    assertThat(standIn.run("ca", "register", "--ca", dir.resolve("nothing").toString()).exitCode())
        .isEqualTo(ExitCodes.USAGE);
    assertThat(
            standIn
                .run(
                    "ca",
                    "register",
                    "--ca",
                    ca.toString(),
                    "--template-body",
                    ca.resolve(FactoryCa.CERTIFICATE).toString())
                .exitCode())
        .isEqualTo(ExitCodes.USAGE);
    assertThat(standIn.run("ca", "register", "--ca", ca.toString()).exitCode()).isZero();
    // Registering it again: AWS's ResourceAlreadyExistsException.
    assertThat(standIn.run("ca", "register", "--ca", ca.toString()).exitCode())
        .isEqualTo(ExitCodes.CONFLICT);
  }

  private DeviceConnection connect(Path bundle, String clientId) throws Exception {
    return DeviceConnection.open(
        DeviceConnectionSettings.of("127.0.0.1", standIn.core.mqttPort(), clientId),
        DeviceTls.fromPemFiles(
            standIn.dataDir.resolve("pki/root-ca.pem"),
            bundle.resolve(DeviceBundle.CERTIFICATE),
            bundle.resolve(DeviceBundle.PRIVATE_KEY)));
  }
}
