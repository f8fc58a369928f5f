package dev.iotctl.cli.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iotctl.cli.CliRunner;
import dev.iotctl.cli.LocalStandIn;
import dev.iotctl.cli.framework.ExitCodes;
import dev.iotctl.cli.framework.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Credentials and region found as the AWS CLI finds them, and a miss said in one line with its own
 * exit code, fast: the instance metadata service gets one second, not the SDK's retries. Every run
 * has an environment of its own (no real AWS variables, a home with no ~/.aws) and an instance
 * metadata endpoint on loopback that never answers, as off EC2 behind a firewall that drops.
 */
class CredentialsAndRegionTest {
  @TempDir Path home;

  private Map<String, String> env(SilentServer imds, String... pairs) {
    Map<String, String> env = new HashMap<>();
    env.put("HOME", home.toString());
    env.put("AWS_EC2_METADATA_SERVICE_ENDPOINT", imds.url());
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
    }
    return env;
  }

  @Test
  void noCredentialsIsOneLineAndExitSixWithinTheMetadataBudget() throws Exception {
    try (SilentServer imds = new SilentServer()) {
      long start = System.nanoTime();
      CliRunner.Result r = CliRunner.run(env(imds, "AWS_REGION", "eu-west-1"), "things", "list");
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(r.exitCode()).isEqualTo(ExitCodes.UNAUTHORIZED);
      assertThat(r.err())
          .isEqualTo(
              "error: Unable to locate credentials. Configure them with 'aws configure' or set"
                  + " AWS_PROFILE.\n");
      assertThat(r.out()).isEmpty();
      // Asked once (the SDK's providers made three attempts each), with a one-second budget.
      assertThat(imds.accepted()).as("requests to the metadata service").isEqualTo(1);
      assertThat(took).isLessThan(Imds.BUDGET.plusSeconds(5));
      System.out.printf("no credentials, silent IMDS: failed in %d ms%n", took.toMillis());
    }
  }

  @Test
  void noRegionIsOneLineAndExitTwoWithinTheMetadataBudget() throws Exception {
    try (SilentServer imds = new SilentServer()) {
      long start = System.nanoTime();
      CliRunner.Result r =
          CliRunner.run(
              env(imds, "AWS_ACCESS_KEY_ID", "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY", "secret"),
              "things",
              "list");
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
      assertThat(r.err())
          .isEqualTo(
              "error: You must specify a region: pass --region, set AWS_REGION, or run 'aws"
                  + " configure'.\n");
      assertThat(imds.accepted()).as("requests to the metadata service").isEqualTo(1);
      assertThat(took).isLessThan(Imds.BUDGET.plusSeconds(5));
      System.out.printf("no region, silent IMDS: failed in %d ms%n", took.toMillis());
    }
  }

  @Test
  void disabledMetadataServiceIsNotAskedAtAll() throws Exception {
    try (SilentServer imds = new SilentServer()) {
      CliRunner.Result r =
          CliRunner.run(
              env(imds, "AWS_REGION", "eu-west-1", "AWS_EC2_METADATA_DISABLED", "true"),
              "things",
              "list");

      assertThat(r.exitCode()).isEqualTo(ExitCodes.UNAUTHORIZED);
      assertThat(r.firstErr()).startsWith("error: Unable to locate credentials.");
      assertThat(imds.accepted()).isZero();
    }
  }

  @Test
  void anUnknownProfileIsAUsageError() throws Exception {
    try (SilentServer imds = new SilentServer()) {
      CliRunner.Result r =
          CliRunner.run(
              env(imds, "AWS_REGION", "eu-west-1"), "things", "list", "--profile", "nope");

      assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
      assertThat(r.err()).isEqualTo("error: The config profile (nope) could not be found.\n");

      CliRunner.Result fromEnv =
          CliRunner.run(
              env(imds, "AWS_REGION", "eu-west-1", "AWS_PROFILE", "ghost"), "things", "list");
      assertThat(fromEnv.exitCode()).isEqualTo(ExitCodes.USAGE);
      assertThat(fromEnv.err())
          .isEqualTo("error: The config profile (ghost) could not be found.\n");
    }
  }

  @Test
  void aProfileOfTheSharedFilesSuppliesRegionAndCredentials(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("config");
    Files.writeString(
        config,
        "[profile bench]\nregion = us-east-1\naws_access_key_id = AKIDBENCH\n"
            + "aws_secret_access_key = bench-secret\n");
    try (SilentServer imds = new SilentServer();
        LocalStandIn standIn = new LocalStandIn(dir.resolve("stand-in"), false)) {
      standIn.run("things", "create", "pump");
      CliRunner.Result r =
          CliRunner.run(
              env(imds, "AWS_CONFIG_FILE", config.toString()),
              "things",
              "describe",
              "pump",
              "--profile",
              "bench",
              "--endpoint-url",
              standIn.core.httpUrl().orElseThrow().toString());

      assertThat(r.exitCode()).as(r.err()).isZero();
      JsonNode thing = Json.MAPPER.readTree(r.out());
      assertThat(thing.path("thingName").asText()).isEqualTo("pump");
      assertThat(imds.accepted()).isZero();
    }
  }
}
