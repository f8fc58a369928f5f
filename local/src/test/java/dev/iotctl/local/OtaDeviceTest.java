package dev.iotctl.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iotctl.core.jobs.ExecutionStatus;
import dev.iotctl.core.jobs.JobExecution;
import dev.iotctl.core.jobs.JobSettings;
import dev.iotctl.core.jobs.S3Location;
import dev.iotctl.core.jobs.TargetSelection;
import dev.iotctl.core.ota.CodeSigning;
import dev.iotctl.core.ota.FirmwareDocument;
import dev.iotctl.core.pki.KeyPairs;
import dev.iotctl.core.pki.KeyType;
import dev.iotctl.core.pki.Pem;
import dev.iotctl.device.sample.ShadowDeviceApp;
import dev.iotctl.device.sample.ShadowDeviceConfig;
import dev.iotctl.local.gateway.TestPki;
import dev.iotctl.local.http.HttpApiConfig;
import dev.iotctl.local.http.StandIn;
import dev.iotctl.local.jobs.CreateJobRequest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample device's firmware updates against the assembled stand-in: the job document names the
 * firmware through a pre-signed URL placeholder, the device downloads it from the stand-in's HTTP
 * server, verifies it with its code-signing key and reports the outcome and its new version.
 */
class OtaDeviceTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  static StandIn standIn;
  static KeyPair codeSigning = KeyPairs.generate(KeyType.EC_P256);

  @BeforeAll
  static void start() {
    standIn = new StandIn(dir.resolve("data"), HttpApiConfig.defaults());
  }

  @AfterAll
  static void stop() {
    standIn.close();
  }

  private static ShadowDeviceApp device(String thing) throws Exception {
    TestPki.Issued issued = Devices.provision(standIn.core, thing);
    Path cert = dir.resolve(thing + ".crt");
    Path key = dir.resolve(thing + ".key");
    Pem.writeAtomically(cert, issued.certificatePem());
    Pem.writePrivateKey(key, issued.keys().getPrivate());
    Path publicKey = dir.resolve("code-signing.pub");
    Pem.writeAtomically(publicKey, Pem.toPem(codeSigning.getPublic()));
    return new ShadowDeviceApp(
        new ShadowDeviceConfig(
                thing,
                "127.0.0.1",
                standIn.core.mqttPort(),
                standIn.core.rootCaPath(),
                cert,
                key,
                null,
                "wait_time",
                60,
                "devices/" + thing + "/telemetry",
                0,
                null,
                Duration.ofSeconds(30),
                ShadowDeviceConfig.DEFAULT_REQUEST_TIMEOUT)
            .withOta(new ShadowDeviceConfig.Ota(publicKey, dir.resolve(thing + "-fw"), "1.0.0")));
  }

  /** Stores the firmware and creates a job whose document points at it. */
  private static void rollOut(
      String jobId, String thing, byte[] firmware, KeyPair signer, String version)
      throws Exception {
    S3Location location = new S3Location("iotctl-ota", "fw-" + version + ".bin");
    standIn.core.jobs().files().write(location, firmware);
    FirmwareDocument document =
        new FirmwareDocument(
            version,
            "fw-" + version + ".bin",
            "${aws:iot:s3-presigned-url:https://s3.amazonaws.com/iotctl-ota/fw-"
                + version
                + ".bin}",
            firmware.length,
            HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(firmware)),
            CodeSigning.sign(new ByteArrayInputStream(firmware), signer.getPrivate()));
    standIn
        .core
        .jobs()
        .createJob(
            new CreateJobRequest(
                jobId,
                List.of("arn:aws:iot:us-east-1:" + StandIn.ACCOUNT_ID + ":thing/" + thing),
                Optional.of(document.toJsonText()),
                Optional.empty(),
                JobSettings.parse(
                    (com.fasterxml.jackson.databind.node.ObjectNode)
                        JSON.readTree(
                            "{\"presignedUrlConfig\":{\"roleArn\":\"arn:aws:iam::"
                                + StandIn.ACCOUNT_ID
                                + ":role/ota-urls\",\"expiresInSec\":300}}")),
                TargetSelection.SNAPSHOT,
                Optional.empty()));
  }

  private static JobExecution execution(String jobId, String thing) {
    return standIn.core.jobs().describeExecution(jobId, thing, Optional.empty());
  }

  private static JsonNode shadow(String thing) throws Exception {
    return JSON.readTree(standIn.core.shadowService().get(thing, null, null).json());
  }

  @Test
  void aSignedUpdateIsInstalledAndABadlySignedOneFailsWithAReason() throws Exception {
    byte[] good = "firmware 1.1.0".getBytes(StandardCharsets.UTF_8);
    byte[] evil = "firmware 6.6.6".getBytes(StandardCharsets.UTF_8);
    try (ShadowDeviceApp meter = device("meter-1")) {
      meter.start();
      assertThat(shadow("meter-1").at("/state/reported/firmware_version").asText())
          .isEqualTo("1.0.0");

      rollOut("fw-110", "meter-1", good, codeSigning, "1.1.0");
      await()
          .atMost(Duration.ofSeconds(15))
          .until(() -> execution("fw-110", "meter-1").status().isTerminal());
      JobExecution done = execution("fw-110", "meter-1");
      assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(done.statusDetails()).containsEntry("version", "1.1.0");
      assertThat(meter.firmwareVersion()).isEqualTo("1.1.0");
      assertThat(Files.readAllBytes(dir.resolve("meter-1-fw/fw-1.1.0.bin"))).isEqualTo(good);
      await()
          .atMost(Duration.ofSeconds(5))
          .until(
              () ->
                  shadow("meter-1")
                      .at("/state/reported/firmware_version")
                      .asText()
                      .equals("1.1.0"));

      rollOut("fw-666", "meter-1", evil, KeyPairs.generate(KeyType.EC_P256), "6.6.6");
      await()
          .atMost(Duration.ofSeconds(15))
          .until(() -> execution("fw-666", "meter-1").status().isTerminal());
      JobExecution failed = execution("fw-666", "meter-1");
      assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
      assertThat(failed.statusDetails().get("reason")).startsWith("signature-invalid");
      assertThat(meter.firmwareVersion()).isEqualTo("1.1.0");
      assertThat(dir.resolve("meter-1-fw/fw-6.6.6.bin")).doesNotExist();
      assertThat(shadow("meter-1").at("/state/reported/firmware_version").asText())
          .isEqualTo("1.1.0");
    }
  }
}
