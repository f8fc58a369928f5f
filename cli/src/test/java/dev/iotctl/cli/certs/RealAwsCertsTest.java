package dev.iotctl.cli.certs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iotctl.cli.CliRunner;
import dev.iotctl.cli.framework.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue and revoke against a real AWS account, through exactly the code the stand-in tests use.
 * Runs only when AWS credentials and a region are present (never in CI); cleans up after itself.
 */
class RealAwsCertsTest {
  @TempDir Path dir;

  @Test
  void issueThenRevokeOneDeviceOnRealAws() throws Exception {
    assumeTrue(credentialsPresent(), "no AWS credentials: real-AWS test not run");
    String region = System.getenv().getOrDefault("AWS_REGION", System.getenv("AWS_DEFAULT_REGION"));
    assumeTrue(region != null, "no AWS_REGION: real-AWS test not run");
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String device = "iotctl-it-" + suffix;
    String policy = "iotctl-it-" + suffix;
    Path out = dir.resolve("certs");
    try {
      assertThat(
              CliRunner.run(
                      "policy",
                      "create",
                      policy,
                      "--file",
                      "../policies/device.json",
                      "--region",
                      region)
                  .exitCode())
          .isZero();
      CliRunner.Result issued =
          CliRunner.run(
              "certs",
              "issue",
              device,
              "--policy",
              policy,
              "--create-thing",
              "--out",
              out.toString(),
              "--region",
              region);
      assertThat(issued.exitCode()).as(issued.err()).isZero();
      JsonNode result = Json.MAPPER.readTree(issued.out());
      assertThat(result.path("outcome").asText()).isEqualTo("ISSUED");
      assertThat(Files.readString(out.resolve(device).resolve(DeviceBundle.ROOT_CA)))
          .isEqualTo(DeviceEndpoint.amazonRootCa1());

      CliRunner.Result revoked =
          CliRunner.run("certs", "revoke", device, "--delete", "--region", region);
      assertThat(revoked.exitCode()).as(revoked.err()).isZero();
      JsonNode others = Json.MAPPER.readTree(revoked.out()).path("otherCertificates");
      assertThat(others.path("unchanged").asInt()).isEqualTo(others.path("count").asInt());
    } finally {
      CliRunner.run("things", "delete", device, "--region", region);
      CliRunner.run("policy", "delete", policy, "--region", region);
    }
  }

  private static boolean credentialsPresent() {
    return System.getenv("AWS_ACCESS_KEY_ID") != null
        || System.getenv("AWS_PROFILE") != null
        || Files.exists(Path.of(System.getProperty("user.home"), ".aws", "credentials"));
  }
}
