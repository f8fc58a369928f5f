package dev.iotctl.cli.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iotctl.cli.CliRunner;
import dev.iotctl.cli.LocalStandIn;
import dev.iotctl.cli.framework.ExitCodes;
import dev.iotctl.cli.framework.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code policy lint} exposes the core linter (exit 1 on findings, {@code --suppress}), {@code
 * policy create} runs it (warnings, or errors with {@code --strict}), and {@code policy test} names
 * the variable it could not fill instead of a bare "implicit deny".
 */
class PolicyLintTest {
  private static final String ARN = "arn:aws:iot:us-east-1:123456789012:";

  @TempDir Path dir;

  private Path policy(String name, String statements) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, "{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}");
    return file;
  }

  private Path typo() throws Exception {
    return policy(
        "typo.json",
        "{\"Effect\":\"Allow\",\"Action\":\"iot:Publsh\",\"Resource\":\""
            + ARN
            + "topic/devices/${iot:Connection.Thing.ThingName}/telemetry\"}");
  }

  @Test
  void theShippedDevicePolicyHasNoFindings() {
    CliRunner.Result r = CliRunner.run("policy", "lint", "../policies/device.json");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualToIgnoringWhitespace("{\"findings\": []}");
  }

  @Test
  void findingsAreListedWithExitOneAndCanBeSuppressed() throws Exception {
    Path everything =
        policy("everything.json", "{\"Effect\":\"Allow\",\"Action\":\"iot:*\",\"Resource\":\"*\"}");
    CliRunner.Result r = CliRunner.run("policy", "lint", typo().toString(), everything.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(r.firstOut()).isEqualTo("{");
    JsonNode findings = Json.MAPPER.readTree(r.out()).path("findings");
    assertThat(findings.findValuesAsText("check"))
        .contains(
            "IOTCTL_UNKNOWN_ACTION",
            "IOTCTL_ALLOWS_EVERYTHING",
            "IOT_POLICY_OVERLY_PERMISSIVE_CHECK");
    assertThat(findings.get(0).path("message").asText())
        .isEqualTo("iot:publsh is not an AWS IoT Core policy action (did you mean iot:Publish?)");

    CliRunner.Result text = CliRunner.run("policy", "lint", typo().toString(), "-o", "text");
    assertThat(text.firstOut())
        .isEqualTo(
            "FINDINGS\tIOTCTL_UNKNOWN_ACTION\t"
                + typo()
                + "\tiot:publsh is not an AWS IoT Core policy action (did you mean iot:Publish?)"
                + "\tMEDIUM\t0");

    CliRunner.Result suppressed =
        CliRunner.run("policy", "lint", typo().toString(), "--suppress", "UNKNOWN_ACTION");
    assertThat(suppressed.exitCode()).isZero();
  }

  @Test
  void createWarnsAndStrictRefuses() throws Exception {
    try (LocalStandIn standIn = new LocalStandIn(dir.resolve("stand-in"), false)) {
      CliRunner.Result strict =
          standIn.run("policy", "create", "typo", "--file", typo().toString(), "--strict");
      assertThat(strict.exitCode()).isEqualTo(ExitCodes.FAILURE);
      assertThat(strict.firstErr())
          .isEqualTo(
              "error: "
                  + typo()
                  + ": statement 0: IOTCTL_UNKNOWN_ACTION (MEDIUM): iot:publsh is not an AWS IoT"
                  + " Core policy action (did you mean iot:Publish?)");
      assertThat(strict.err()).contains("error: policy typo not created: 1 lint finding(s)");
      assertThat(standIn.run("policy", "list", "--query", "policies[].policyName").out())
          .doesNotContain("typo");

      CliRunner.Result warned = standIn.run("policy", "create", "typo", "--file", typo() + "");
      assertThat(warned.exitCode()).as(warned.err()).isZero();
      assertThat(warned.firstErr())
          .isEqualTo(
              "warning: "
                  + typo()
                  + ": statement 0: IOTCTL_UNKNOWN_ACTION (MEDIUM): iot:publsh is not an AWS IoT"
                  + " Core policy action (did you mean iot:Publish?)");
      assertThat(Json.MAPPER.readTree(warned.out()).path("policyName").asText()).isEqualTo("typo");
    }
  }

  @Test
  void testWithoutAThingNamesTheVariableItCouldNotFill() throws Exception {
    CliRunner.Result r =
        CliRunner.run(
            "policy",
            "test",
            "--file",
            "../policies/device.json",
            "--action",
            "iot:Connect",
            "--resource",
            "client/lamp");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILURE);
    JsonNode answer = Json.MAPPER.readTree(r.out());
    assertThat(answer.path("unresolvedVariables").get(0).asText())
        .isEqualTo("${iot:Connection.Thing.ThingName}");
    assertThat(answer.path("explanation").asText())
        .isEqualTo(
            "IMPLICIT_DENY: ${iot:Connection.Thing.ThingName} has no value (pass --thing, the"
                + " thing attached to the connection), so the statements that use it do not"
                + " match");
    assertThat(answer.path("explanation").asText()).doesNotContain("no statement");
  }
}
