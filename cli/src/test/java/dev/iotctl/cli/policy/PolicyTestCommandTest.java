package dev.iotctl.cli.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iotctl.cli.CliRunner;
import dev.iotctl.cli.framework.ExitCodes;
import dev.iotctl.cli.framework.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code iotctl policy test} on the shipped documents, offline, as a team would run it in CI. */
class PolicyTestCommandTest {
  private static final String DEVICE = "../policies/device.json";
  private static final String SHADOW_ONLY = "../policies/device-shadow-only.json";
  private static final String MONITORING = "../policies/monitoring.json";

  @ParameterizedTest(name = "{0} as {1}: {2} {3} -> {4}")
  @CsvSource({
    // policy, thing (= client id unless given), action, resource, expected, client id
    DEVICE + ", lamp, iot:Connect, client/lamp, allow,",
    DEVICE + ", lamp, iot:Connect, client/fan, deny, fan",
    DEVICE + ", lamp, iot:Publish, topic/devices/lamp/telemetry, allow,",
    DEVICE + ", lamp, iot:Publish, topic/devices/fan/telemetry, deny,",
    DEVICE + ", lamp, iot:Subscribe, topicfilter/devices/fan/commands, deny,",
    DEVICE + ", lamp, iot:Receive, topic/devices/lamp/commands, allow,",
    DEVICE + ", lamp, iot:Publish, topic/$aws/things/lamp/shadow/update, allow,",
    DEVICE + ", lamp, iot:Publish, topic/$aws/things/fan/shadow/update, deny,",
    DEVICE + ", lamp, iot:Publish, topic/$aws/things/lamp/shadow/name/cfg/update, allow,",
    SHADOW_ONLY + ", lamp, iot:Publish, topic/devices/lamp/telemetry, deny,",
    SHADOW_ONLY + ", lamp, iot:Publish, topic/$aws/things/lamp/shadow/get, allow,",
    MONITORING + ", monitoring-1, iot:Subscribe, topicfilter/devices/+/telemetry, allow,",
    MONITORING + ", monitoring-1, iot:Publish, topic/devices/lamp/commands, deny,",
    MONITORING + ", lamp, iot:Connect, client/lamp, deny,",
  })
  void shippedPoliciesAnswerAsDocumented(
      String file, String thing, String action, String resource, String expected, String client) {
    String[] args = {
      "policy", "test", "--file", file, "--thing", thing, "--action", action, "--resource", resource
    };
    if (client != null) {
      args = append(args, "--client-id", client);
    }
    CliRunner.Result r = CliRunner.run(args);
    JsonNode answer = parse(r.out());
    assertThat(answer.path("allowed").asBoolean()).as(r.out()).isEqualTo(expected.equals("allow"));
    assertThat(r.exitCode()).isEqualTo(expected.equals("allow") ? 0 : ExitCodes.FAILURE);
    CliRunner.Result inverted = CliRunner.run(append(args, "--expect", expected));
    assertThat(inverted.exitCode()).isZero();
  }

  @Test
  void explainsTheDecidingStatement() {
    CliRunner.Result r =
        CliRunner.run(
            "policy",
            "test",
            "--file",
            DEVICE,
            "--thing",
            "lamp",
            "--action",
            "iot:Publish",
            "--resource",
            "topic/devices/lamp/telemetry");
    JsonNode answer = parse(r.out());
    assertThat(answer.path("decision").asText()).isEqualTo("ALLOWED");
    assertThat(answer.path("decidingStatements").get(0).path("sid").asText())
        .isEqualTo("PublishOwnTelemetryAndShadow");
    assertThat(answer.path("resource").asText())
        .isEqualTo("arn:aws:iot:us-east-1:123456789012:topic/devices/lamp/telemetry");
  }

  @Test
  void textOutputIsTheAwsCliTextRendering() {
    CliRunner.Result r =
        CliRunner.run(
            "policy",
            "test",
            "--file",
            DEVICE,
            "--thing",
            "lamp",
            "--action",
            "iot:Publish",
            "--resource",
            "topic/devices/fan/telemetry",
            "--output",
            "text");
    // The AWS CLI's text: the scalars, sorted by key, tab-separated.
    assertThat(r.firstOut())
        .startsWith("iot:Publish\tFalse\tlamp\tIMPLICIT_DENY\tImplicit deny of iot:Publish");
  }

  @Test
  void malformedPolicyFileGivesAwsErrorAndExitCode() throws Exception {
    java.nio.file.Path bad = java.nio.file.Files.createTempFile("bad", ".json");
    java.nio.file.Files.writeString(
        bad, "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Maybe\"}]}");
    CliRunner.Result r =
        CliRunner.run(
            "policy",
            "test",
            "--file",
            bad.toString(),
            "--action",
            "iot:Connect",
            "--resource",
            "client/x");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_REQUEST);
    assertThat(r.err()).contains("MalformedPolicyException");
  }

  @Test
  void queryFiltersTheJson() {
    CliRunner.Result r =
        CliRunner.run(
            "policy",
            "test",
            "--file",
            DEVICE,
            "--thing",
            "lamp",
            "--action",
            "iot:Connect",
            "--resource",
            "client/lamp",
            "--query",
            "decision");
    assertThat(r.out().strip()).isEqualTo("\"ALLOWED\"");
  }

  private static String[] append(String[] args, String... more) {
    String[] out = java.util.Arrays.copyOf(args, args.length + more.length);
    System.arraycopy(more, 0, out, args.length, more.length);
    return out;
  }

  private static JsonNode parse(String json) {
    try {
      return Json.MAPPER.readTree(json);
    } catch (java.io.IOException e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }
}
