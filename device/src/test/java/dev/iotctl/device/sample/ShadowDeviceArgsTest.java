package dev.iotctl.device.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ShadowDeviceArgsTest {
  private static final String[] HANDS_ON = {
    "--device_name", "handson01",
    "--endpoint", "abc123-ats.iot.ap-northeast-1.amazonaws.com",
    "--root_ca", "AmazonRootCA1.pem",
    "--cert", "certificate.pem.crt",
    "--private", "private.pem.key"
  };

  @Test
  void handsOnFlagsWithDefaults() {
    ShadowDeviceConfig config = ShadowDeviceArgs.parse(HANDS_ON);

    assertThat(config.deviceName()).isEqualTo("handson01");
    assertThat(config.endpoint()).isEqualTo("abc123-ats.iot.ap-northeast-1.amazonaws.com");
    assertThat(config.port()).isEqualTo(8883);
    assertThat(config.rootCa()).isEqualTo(Path.of("AmazonRootCA1.pem"));
    assertThat(config.certificate()).isEqualTo(Path.of("certificate.pem.crt"));
    assertThat(config.privateKey()).isEqualTo(Path.of("private.pem.key"));
    assertThat(config.shadowName()).isNull();
    assertThat(config.shadowProperty()).isEqualTo("wait_time");
    assertThat(config.initialWaitTime()).isEqualTo(5);
    assertThat(config.telemetryTopic()).isEqualTo("devices/handson01/telemetry");
    assertThat(config.count()).isZero();
    assertThat(config.duration()).isNull();
    assertThat(config.keepAlive()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void optionalFlagsInBothSpellings() {
    String[] args = new String[HANDS_ON.length + 5];
    System.arraycopy(HANDS_ON, 0, args, 0, HANDS_ON.length);
    args[HANDS_ON.length] = "--port=1883";
    args[HANDS_ON.length + 1] = "--shadow-name";
    args[HANDS_ON.length + 2] = "config";
    args[HANDS_ON.length + 3] = "--count=3";
    args[HANDS_ON.length + 4] = "--duration=60";

    ShadowDeviceConfig config = ShadowDeviceArgs.parse(args);

    assertThat(config.port()).isEqualTo(1883);
    assertThat(config.shadowName()).isEqualTo("config");
    assertThat(config.count()).isEqualTo(3);
    assertThat(config.duration()).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void rejectsMissingUnknownAndInvalidOptions() {
    assertThatThrownBy(() -> ShadowDeviceArgs.parse(new String[] {"--endpoint", "h"}))
        .isInstanceOf(ShadowDeviceArgs.UsageException.class)
        .hasMessage("Missing required option --device_name");
    assertThatThrownBy(() -> ShadowDeviceArgs.parse(with("--colour", "red")))
        .hasMessage("Unknown option: --colour");
    assertThatThrownBy(() -> ShadowDeviceArgs.parse(with("--wait_time", "0")))
        .hasMessage("--wait_time must be a positive integer");
    assertThatThrownBy(() -> ShadowDeviceArgs.parse(with("--port", "x")))
        .hasMessage("--port must be an integer: x");
    assertThatThrownBy(() -> ShadowDeviceArgs.parse(with("--count")))
        .hasMessage("Missing value for --count");
    assertThat(ShadowDeviceArgs.wantsHelp(new String[] {"--help"})).isTrue();
  }

  @Test
  void firmwareFlagsTurnOnOtaWithDefaults() {
    assertThat(ShadowDeviceArgs.parse(HANDS_ON).ota()).isNull();
    ShadowDeviceConfig.Ota ota = ShadowDeviceArgs.parse(with("--code_signing_key", "cs.pub")).ota();
    assertThat(ota.codeSigningKey()).isEqualTo(java.nio.file.Path.of("cs.pub"));
    assertThat(ota.firmwareDir()).isEqualTo(java.nio.file.Path.of("firmware"));
    assertThat(ota.initialVersion()).isEqualTo("1.0.0");
    assertThat(
            ShadowDeviceArgs.parse(
                    with(
                        "--code-signing-key=k",
                        "--firmware_dir",
                        "fw",
                        "--firmware_version",
                        "2.1"))
                .ota())
        .isEqualTo(
            new ShadowDeviceConfig.Ota(
                java.nio.file.Path.of("k"), java.nio.file.Path.of("fw"), "2.1"));
    assertThatThrownBy(() -> ShadowDeviceArgs.parse(with("--firmware_dir", "fw")))
        .hasMessage("--firmware_dir and --firmware_version need --code_signing_key");
  }

  private static String[] with(String... extra) {
    String[] args = new String[HANDS_ON.length + extra.length];
    System.arraycopy(HANDS_ON, 0, args, 0, HANDS_ON.length);
    System.arraycopy(extra, 0, args, HANDS_ON.length, extra.length);
    return args;
  }

  @Test
  void provisionByClaimIsASwitchWithItsTemplateAndClaimFiles() {
    String[] args = {
      "--provision-by-claim",
      "--template",
      "factory",
      "--claim-cert",
      "claim.pem.crt",
      "--claim-key",
      "claim.private.key",
      "--template-parameters",
      "{\"SerialNumber\":\"0042\"}",
      "--endpoint",
      "127.0.0.1",
      "--root_ca",
      "root.pem",
      "--cert",
      "own/cert.pem",
      "--private",
      "own/key.pem"
    };

    ShadowDeviceConfig config = ShadowDeviceArgs.parse(args);
    ClaimSettings claim = ShadowDeviceArgs.parseClaim(args).orElseThrow();

    assertThat(config.deviceName()).startsWith("claim-");
    assertThat(claim.templateName()).isEqualTo("factory");
    assertThat(claim.claimCertificate()).isEqualTo(Path.of("claim.pem.crt"));
    assertThat(claim.parameters()).containsEntry("SerialNumber", "0042");
    assertThat(ShadowDeviceArgs.parseClaim(new String[] {"--device_name", "x"})).isEmpty();
    assertThatThrownBy(
            () ->
                ShadowDeviceArgs.parseClaim(
                    new String[] {"--provision-by-claim", "--claim-cert", "c", "--claim-key", "k"}))
        .hasMessageContaining("--template");
  }
}
