package dev.iotctl.device.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iotctl.core.pki.KeyType;
import dev.iotctl.device.testing.ShadowResponder;
import dev.iotctl.device.testing.TestBed;
import dev.iotctl.device.testing.TestPki;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the sample as its own JVM with the hands-on's flags, as a user would. */
class ShadowDeviceMainTest {
  @TempDir static Path directory;
  static TestBed bed;
  static ShadowResponder responder;

  @BeforeAll
  static void start() {
    bed = new TestBed(directory);
    responder = bed.shadowResponder();
  }

  @AfterAll
  static void stop() {
    responder.close();
    bed.close();
  }

  @Test
  void runsWithHandsOnFlagsAndStopsAfterCount() throws Exception {
    TestPki.Issued device =
        bed.pki().device("handson02", KeyType.RSA_2048, TestPki.KeyFormat.TRADITIONAL);
    Result result =
        run(
            "--device_name",
            "handson02",
            "--endpoint",
            "127.0.0.1",
            "--port",
            String.valueOf(bed.broker().port()),
            "--root_ca",
            bed.pki().caFile().toString(),
            "--cert",
            device.certificate().toString(),
            "--private",
            device.privateKey().toString(),
            "--wait_time",
            "1",
            "--count",
            "1");

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output())
        .contains(" CONNECTED 127.0.0.1:" + bed.broker().port())
        .contains(" REPORTED {\"state\":{\"reported\":{\"wait_time\":1}}} accepted")
        .contains(" TELEMETRY devices/handson02/telemetry ")
        .contains(" STOPPED readings sent: 1")
        .doesNotContain(Files.readAllLines(device.privateKey()).get(1));
    assertThat(responder.document("handson02", null)).isPresent();
  }

  @Test
  void exitsWithUsageErrorOnMissingFlags() throws Exception {
    Result result = run("--device_name", "x");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.output()).contains("Missing required option --endpoint", "Usage:");
  }

  private record Result(int exitCode, String output) {}

  private static Result run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(ShadowDevice.class.getName());
    command.addAll(List.of(args));
    Path output = Files.createTempFile(directory, "shadow-device", ".out");
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("Sample did not stop:\n" + Files.readString(output));
    }
    return new Result(process.exitValue(), Files.readString(output));
  }
}
