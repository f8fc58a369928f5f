package dev.iotctl.cli.certs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iotctl.cli.CliRunner;
import dev.iotctl.cli.LocalStandIn;
import dev.iotctl.cli.framework.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rotation warns when it cuts a running device off; revocation is idempotent and leaves the revoked
 * certificates visible in {@code certs describe DEVICE}.
 */
class RotationAndRevocationTest {
  @TempDir static Path dir;
  static LocalStandIn standIn;
  static Path out;

  @BeforeAll
  static void start() throws Exception {
    standIn = new LocalStandIn(dir.resolve("stand-in"), false);
    out = dir.resolve("certs");
    standIn.createDevicePolicy("device");
  }

  @AfterAll
  static void stop() {
    standIn.close();
  }

  private static String issue(String device) throws Exception {
    CliRunner.Result r =
        standIn.run(
            "certs", "issue", device, "--policy", "device", "--create-thing", "--out", out + "");
    assertThat(r.exitCode()).as(r.err()).isZero();
    return Json.MAPPER.readTree(r.out()).path("certificateId").asText();
  }

  @Test
  void rotatingInOneStepWarnsThatTheRunningDeviceIsCutOff() throws Exception {
    issue("one-step");
    CliRunner.Result r =
        standIn.run("certs", "rotate", "one-step", "--out", out + "", "--revoke-old");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.firstErr())
        .isEqualTo(
            "warning: one-step's old certificate is revoked: a device still connected with it is"
                + " cut off until it uses the new bundle in "
                + out.resolve("one-step")
                + " (rotate in two steps to avoid this: 'iotctl certs rotate one-step', deploy the"
                + " .next bundle, then --revoke-old)");
  }

  @Test
  void rotatingInTwoStepsWarnsOnlyAtTheRevocation() throws Exception {
    issue("two-step");
    CliRunner.Result first = standIn.run("certs", "rotate", "two-step", "--out", out + "");
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.err()).isEmpty();
    CliRunner.Result second =
        standIn.run("certs", "rotate", "two-step", "--out", out + "", "--revoke-old");
    assertThat(second.exitCode()).as(second.err()).isZero();
    assertThat(second.firstErr())
        .isEqualTo(
            "warning: two-step's old certificate is revoked: a device still connected with it is"
                + " cut off until it uses the new bundle in "
                + out.resolve("two-step"));
    assertThat(Json.MAPPER.readTree(second.out()).path("newOutcome").asText())
        .isEqualTo("ALREADY_ISSUED");
  }

  @Test
  void revokingTwiceSaysSoAndDescribeStillShowsTheRevokedCertificate() throws Exception {
    String id = issue("leaky");
    CliRunner.Result first = standIn.run("certs", "revoke", "leaky", "--reason", "key leaked");
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(Json.MAPPER.readTree(first.out()).at("/revoked/0/certificateId").asText())
        .isEqualTo(id);

    CliRunner.Result again = standIn.run("certs", "revoke", "leaky");
    assertThat(again.exitCode()).isZero();
    assertThat(again.firstErr()).isEqualTo("leaky: already revoked (" + id + "); nothing changed");
    JsonNode result = Json.MAPPER.readTree(again.out());
    assertThat(result.path("revoked")).isEmpty();
    assertThat(result.path("alreadyRevoked").get(0).asText()).isEqualTo(id);

    CliRunner.Result described = standIn.run("certs", "describe", "leaky");
    assertThat(described.exitCode()).as(described.err()).isZero();
    assertThat(described.firstOut()).isEqualTo("{");
    JsonNode certificate = Json.MAPPER.readTree(described.out()).path("certificates").get(0);
    assertThat(certificate.path("certificateId").asText()).isEqualTo(id);
    assertThat(certificate.path("status").asText()).isEqualTo("REVOKED");
    assertThat(certificate.path("policies")).isEmpty();
  }
}
