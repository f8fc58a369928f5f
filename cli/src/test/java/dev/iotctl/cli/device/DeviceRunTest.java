package dev.iotctl.cli.device;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iotctl.cli.CliRunner;
import dev.iotctl.cli.LocalStandIn;
import dev.iotctl.cli.certs.DeviceBundle;
import dev.iotctl.cli.framework.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bundle's {@code device.json} runs the sample device from any directory ({@code command}: the
 * absolute jar and bundle), against wherever its stand-in runs now, not the port it had when the
 * bundle was made.
 */
class DeviceRunTest {
  @TempDir Path dir;

  @Test
  void aBundleRunsAgainstItsStandInAfterTheStandInMovedPorts() throws Exception {
    Path data = dir.resolve("stand-in");
    Path out = dir.resolve("certs");
    int firstPort;
    try (LocalStandIn standIn = new LocalStandIn(data, false)) {
      firstPort = standIn.core.mqttPort();
      standIn.createDevicePolicy("device");
      CliRunner.Result issued =
          standIn.run(
              "certs", "issue", "lamp", "--policy", "device", "--create-thing", "--out", out + "");
      assertThat(issued.exitCode()).as(issued.err()).isZero();
    }
    JsonNode device =
        Json.MAPPER.readTree(out.resolve("lamp").resolve(DeviceBundle.DEVICE_JSON).toFile());
    assertThat(device.path("command").get(2).asText()).startsWith("/");
    assertThat(device.path("command").get(6).asText())
        .isEqualTo(out.resolve("lamp").toAbsolutePath().toString());

    try (LocalStandIn again = new LocalStandIn(data, false)) {
      assertThat(again.core.mqttPort()).isNotEqualTo(firstPort);
      CliRunner.Result run =
          CliRunner.run("device", "run", out.resolve("lamp").toString(), "--duration", "1s");
      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.firstOut())
          .contains("127.0.0.1:" + again.core.mqttPort() + " as client id lamp");
      assertThat(run.out()).contains("wait_time");
    }
  }
}
