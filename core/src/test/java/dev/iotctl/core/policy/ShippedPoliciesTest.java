package dev.iotctl.core.policy;

import static dev.iotctl.core.policy.Eval.ACCOUNT;
import static dev.iotctl.core.policy.Eval.REGION;
import static dev.iotctl.core.policy.Eval.client;
import static dev.iotctl.core.policy.Eval.filter;
import static dev.iotctl.core.policy.Eval.thing;
import static dev.iotctl.core.policy.Eval.thingArn;
import static dev.iotctl.core.policy.Eval.topic;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The documents in the repository's {@code policies/} folder, proven case by case. */
class ShippedPoliciesTest {
  private static final Path POLICIES = Path.of("..", "policies");

  private static PolicyDocument load(String file) throws IOException {
    String template = Files.readString(POLICIES.resolve(file));
    return PolicyDocument.parse(PolicyTemplate.render(template, REGION, ACCOUNT));
  }

  private static boolean allowed(
      PolicyDocument doc, String action, String resource, PolicyContext context) {
    return PolicyEvaluator.evaluate(
            List.of(new NamedPolicy("shipped", doc)),
            new AuthorizationRequest(action, resource, context))
        .allowed();
  }

  private static final PolicyContext A = thing("thing-a");

  @ParameterizedTest
  @ValueSource(strings = {"device.json", "device-shadow-only.json"})
  void devicePoliciesPassTheLint(String file) throws IOException {
    assertThat(PolicyLinter.lint(load(file))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"device.json", "device-shadow-only.json", "monitoring.json"})
  void templatesHaveNoLeftoverPlaceholders(String file) throws IOException {
    PolicyDocument doc = load(file);
    assertThat(doc.json()).doesNotContain("{{");
    assertThat(doc.statements()).isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"device.json", "device-shadow-only.json"})
  void thingAOwnsItsShadowAndCannotTouchThingB(String file) throws IOException {
    PolicyDocument doc = load(file);
    for (String op : List.of("update", "get", "delete", "name/config/update", "name/config/get")) {
      assertThat(allowed(doc, "iot:Publish", topic("$aws/things/thing-a/shadow/" + op), A))
          .as("A publishes %s on its shadow", op)
          .isTrue();
      assertThat(allowed(doc, "iot:Publish", topic("$aws/things/thing-b/shadow/" + op), A))
          .as("A publishes %s on B's shadow", op)
          .isFalse();
    }
    for (String response :
        List.of(
            "update/accepted", "update/delta", "get/rejected", "name/config/update/documents")) {
      assertThat(allowed(doc, "iot:Subscribe", filter("$aws/things/thing-a/shadow/" + response), A))
          .isTrue();
      assertThat(allowed(doc, "iot:Receive", topic("$aws/things/thing-a/shadow/" + response), A))
          .isTrue();
      assertThat(allowed(doc, "iot:Subscribe", filter("$aws/things/thing-b/shadow/" + response), A))
          .isFalse();
      assertThat(allowed(doc, "iot:Receive", topic("$aws/things/thing-b/shadow/" + response), A))
          .isFalse();
    }
    assertThat(allowed(doc, "iot:Subscribe", filter("$aws/things/+/shadow/update/accepted"), A))
        .isFalse();
    assertThat(allowed(doc, "iot:Subscribe", filter("$aws/things/#"), A)).isFalse();
    assertThat(allowed(doc, "iot:GetThingShadow", thingArn("thing-b"), A)).isFalse();
    assertThat(allowed(doc, "iot:UpdateThingShadow", thingArn("thing-a"), A)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"device.json", "device-shadow-only.json", "monitoring.json"})
  void nobodyConnectsAsAnotherThingOrWithoutAnAttachedThing(String file) throws IOException {
    PolicyDocument doc = load(file);
    PolicyContext aAsB =
        PolicyContext.builder().clientId("thing-b").thingName("thing-a").isAttached(true).build();

    assertThat(allowed(doc, "iot:Connect", client("thing-b"), A)).isFalse();
    assertThat(allowed(doc, "iot:Connect", client("thing-b"), aAsB)).isFalse();
    assertThat(allowed(doc, "iot:Connect", client("thing-a"), Eval.unregistered("thing-a")))
        .isFalse();
    assertThat(
            allowed(
                doc,
                "iot:Connect",
                client("${iot:Connection.Thing.ThingName}"),
                Eval.unregistered("${iot:Connection.Thing.ThingName}")))
        .as("unresolved variable text")
        .isFalse();
  }

  @Test
  void deviceConnectsAsItselfAndUsesOnlyItsOwnTopics() throws IOException {
    PolicyDocument doc = load("device.json");

    assertThat(allowed(doc, "iot:Connect", client("thing-a"), A)).isTrue();
    assertThat(allowed(doc, "iot:Publish", topic("devices/thing-a/telemetry"), A)).isTrue();
    assertThat(allowed(doc, "iot:Subscribe", filter("devices/thing-a/commands"), A)).isTrue();
    assertThat(allowed(doc, "iot:Receive", topic("devices/thing-a/commands"), A)).isTrue();

    assertThat(allowed(doc, "iot:Publish", topic("devices/thing-b/telemetry"), A)).isFalse();
    assertThat(allowed(doc, "iot:Publish", topic("devices/thing-b/commands"), A)).isFalse();
    assertThat(allowed(doc, "iot:Publish", topic("devices/thing-a/commands"), A)).isFalse();
    assertThat(allowed(doc, "iot:Subscribe", filter("devices/thing-b/commands"), A)).isFalse();
    assertThat(allowed(doc, "iot:Subscribe", filter("devices/thing-b/telemetry"), A)).isFalse();
    assertThat(allowed(doc, "iot:Subscribe", filter("devices/+/telemetry"), A)).isFalse();
    assertThat(allowed(doc, "iot:Subscribe", filter("devices/#"), A)).isFalse();
    assertThat(allowed(doc, "iot:Subscribe", filter("#"), A)).isFalse();
    assertThat(allowed(doc, "iot:Receive", topic("devices/thing-b/commands"), A)).isFalse();
    assertThat(allowed(doc, "iot:RetainPublish", topic("devices/thing-a/telemetry"), A)).isFalse();
    assertThat(allowed(doc, "iot:Publish", topic("other/topic"), A)).isFalse();
  }

  @Test
  void deviceUsesItsOwnJobsTopicsOnlyAndCannotFakeTheServicePushes() throws IOException {
    PolicyDocument doc = load("device.json");
    for (String request : List.of("get", "start-next", "fw-1/get", "$next/get", "fw-1/update")) {
      assertThat(allowed(doc, "iot:Publish", topic("$aws/things/thing-a/jobs/" + request), A))
          .as("A requests %s", request)
          .isTrue();
      assertThat(allowed(doc, "iot:Publish", topic("$aws/things/thing-b/jobs/" + request), A))
          .as("A requests %s for B", request)
          .isFalse();
    }
    for (String push : List.of("notify", "notify-next", "get/accepted", "fw-1/update/rejected")) {
      assertThat(allowed(doc, "iot:Publish", topic("$aws/things/thing-a/jobs/" + push), A))
          .as("A publishes the service's %s", push)
          .isFalse();
      assertThat(allowed(doc, "iot:Subscribe", filter("$aws/things/thing-a/jobs/" + push), A))
          .isTrue();
      assertThat(allowed(doc, "iot:Receive", topic("$aws/things/thing-a/jobs/" + push), A))
          .isTrue();
      assertThat(allowed(doc, "iot:Subscribe", filter("$aws/things/thing-b/jobs/" + push), A))
          .isFalse();
      assertThat(allowed(doc, "iot:Receive", topic("$aws/things/thing-b/jobs/" + push), A))
          .isFalse();
    }
    assertThat(allowed(doc, "iot:Subscribe", filter("$aws/things/thing-a/jobs/get/+"), A))
        .as("the SDK's reply filter")
        .isTrue();
    assertThat(allowed(doc, "iot:Subscribe", filter("$aws/things/+/jobs/notify"), A)).isFalse();
  }

  @Test
  void shadowOnlyDeviceHasNoTelemetry() throws IOException {
    PolicyDocument doc = load("device-shadow-only.json");

    assertThat(allowed(doc, "iot:Connect", client("thing-a"), A)).isTrue();
    assertThat(allowed(doc, "iot:Publish", topic("devices/thing-a/telemetry"), A)).isFalse();
    assertThat(allowed(doc, "iot:Subscribe", filter("devices/thing-a/commands"), A)).isFalse();
  }

  @Test
  void monitoringReadsTheFleetAndPublishesNothing() throws IOException {
    PolicyDocument doc = load("monitoring.json");
    PolicyContext monitor = thing("monitoring-1");

    assertThat(allowed(doc, "iot:Connect", client("monitoring-1"), monitor)).isTrue();
    assertThat(allowed(doc, "iot:Connect", client("thing-a"), A)).isFalse();
    assertThat(allowed(doc, "iot:Subscribe", filter("devices/+/telemetry"), monitor)).isTrue();
    assertThat(allowed(doc, "iot:Receive", topic("devices/thing-a/telemetry"), monitor)).isTrue();
    assertThat(
            allowed(doc, "iot:Subscribe", filter("$aws/things/+/shadow/update/documents"), monitor))
        .isTrue();
    assertThat(
            allowed(
                doc,
                "iot:Subscribe",
                filter("$aws/things/+/shadow/name/+/update/documents"),
                monitor))
        .isTrue();
    assertThat(
            allowed(
                doc, "iot:Receive", topic("$aws/things/thing-a/shadow/update/documents"), monitor))
        .isTrue();

    assertThat(allowed(doc, "iot:Publish", topic("devices/thing-a/telemetry"), monitor)).isFalse();
    assertThat(allowed(doc, "iot:Publish", topic("$aws/things/thing-a/shadow/update"), monitor))
        .isFalse();
    assertThat(allowed(doc, "iot:Subscribe", filter("devices/+/commands"), monitor)).isFalse();
    assertThat(allowed(doc, "iot:Subscribe", filter("$aws/things/+/shadow/update"), monitor))
        .isFalse();
    assertThat(allowed(doc, "iot:Receive", topic("devices/thing-a/commands"), monitor)).isFalse();
  }

  /**
   * Reading every thing's shadow documents is what AWS's overly-permissive audit flags ({@code
   * $aws/things/+/...}); for the monitoring client it is the purpose, so the finding is expected
   * (suppress it in Device Defender). Nothing else in the document may be reported.
   */
  @Test
  void monitoringLintReportsOnlyTheIntendedFleetShadowRead() throws IOException {
    List<LintFinding> findings = PolicyLinter.lint(load("monitoring.json"));

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.check()).isEqualTo(PolicyLinter.OVERLY_PERMISSIVE);
              assertThat(f.statementIndex()).isEqualTo(2);
              assertThat(f.message()).contains("$aws/things/+/shadow/update/documents");
            });
  }
}
