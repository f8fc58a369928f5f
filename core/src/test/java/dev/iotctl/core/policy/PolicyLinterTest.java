package dev.iotctl.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Device Defender audit examples: noncompliant ones are reported, compliant ones are not. */
class PolicyLinterTest {
  private static final String ARN = "arn:aws:iot:us-east-1:123456789012:";

  private static List<LintFinding> lint(String action, String resource, String condition) {
    return PolicyLinter.lint(
        PolicyDocument.parse(
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\""
                + action
                + "\",\"Resource\":\""
                + resource
                + "\""
                + (condition == null ? "" : ",\"Condition\":" + condition)
                + "}]}"));
  }

  private static final String ATTACHED =
      "{\"Bool\":{\"iot:Connection.Thing.IsAttached\":\"true\"}}";

  @ParameterizedTest
  @ValueSource(
      strings = {
        "iot:Connect|client/*",
        "iot:Connect|client/${iot:ClientId}",
        "iot:Connect|*",
        "iot:*|*",
        "*|*",
        "iot:Publish|topic/$aws/things/*/shadow/update",
        "iot:Publish|topic/$aws/things/*",
        "iot:Publish|topic/*",
        "iot:Publish|topic/$aws/*",
        "iot:RetainPublish|topic/*",
        "iot:Subscribe|topicfilter/$aws/things/*",
        "iot:Subscribe|topicfilter/$aws/things/#",
        "iot:Subscribe|topicfilter/$aws/things/+/shadow/update",
        "iot:Subscribe|topicfilter/*",
        "iot:GetThingShadow|thing/*",
        "iot:UpdateJobExecution|thing/*",
        "iot:*Shadow|thing/lamp-?"
      })
  void reportsOverlyPermissiveStatements(String actionAndResource) {
    String[] parts = actionAndResource.split("\\|");
    String resource = parts[1].equals("*") ? "*" : ARN + parts[1];

    List<LintFinding> findings =
        lint(parts[0], resource, null).stream()
            .filter(f -> !f.check().equals(PolicyLinter.ALLOWS_EVERYTHING))
            .toList();

    assertThat(findings).hasSize(1);
    LintFinding finding = findings.get(0);
    assertThat(finding.check()).isEqualTo("IOT_POLICY_OVERLY_PERMISSIVE_CHECK");
    assertThat(finding.severity()).isEqualTo("CRITICAL");
    assertThat(finding.statementIndex()).isZero();
    assertThat(finding.message()).startsWith("ALLOWS_BROAD_ACCESS_TO_IOT_DATA_PLANE_ACTIONS");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "iot:Connect|client/${iot:Connection.Thing.ThingName}",
        "iot:Connect|client/sensor-1",
        "iot:Publish|topic/$aws/things/${iot:Connection.Thing.ThingName}/shadow/*",
        "iot:Subscribe|topicfilter/$aws/things/${iot:Connection.Thing.ThingName}/jobs/*",
        "iot:Publish|topic/devices/${iot:Connection.Thing.ThingName}/*",
        "iot:Receive|topic/$aws/things/*",
        "iot:Receive|*",
        "iot:GetThingShadow|thing/MyThing1",
        "iot:Publish|thing/*"
      })
  void acceptsCompliantStatements(String actionAndResource) {
    String[] parts = actionAndResource.split("\\|");

    assertThat(lint(parts[0], ARN + parts[1], null)).isEmpty();
  }

  @Test
  void isAttachedConditionMakesClientIdVariableAndWildcardCompliant() {
    assertThat(lint("iot:Connect", ARN + "client/${iot:ClientId}", ATTACHED)).isEmpty();
    assertThat(lint("iot:Connect", ARN + "client/*", ATTACHED)).isEmpty();
  }

  @Test
  void notResourceOnDataPlaneActionsIsPermissive() {
    List<LintFinding> findings =
        PolicyLinter.lint(
            PolicyDocument.parse(
                """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iot:Publish",
                 "NotResource":"arn:aws:iot:us-east-1:123456789012:topic/secret"}]}"""));

    assertThat(findings)
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("NotResource"));
  }

  @Test
  void reportsMqttWildcardsInDenyStatements() {
    List<LintFinding> findings =
        PolicyLinter.lint(
            PolicyDocument.parse(
                """
                {"Version":"2012-10-17","Statement":[
                 {"Effect":"Allow","Action":"iot:Subscribe","Resource":"arn:aws:iot:us-east-1:111122223333:topicfilter/building/*"},
                 {"Effect":"Deny","Action":"iot:Subscribe","Resource":"arn:aws:iot:us-east-1:111122223333:topicfilter/building/control_room/#"},
                 {"Effect":"Allow","Action":"iot:Receive","Resource":"arn:aws:iot:us-east-1:111122223333:topic/building/*"}]}"""));

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.check()).isEqualTo("IOT_POLICY_POTENTIAL_MISCONFIGURATION_CHECK");
              assertThat(f.severity()).isEqualTo("MEDIUM");
              assertThat(f.statementIndex()).isEqualTo(1);
              assertThat(f.message())
                  .startsWith("POLICY_CONTAINS_MQTT_WILDCARDS_IN_DENY_STATEMENT");
            });
  }

  @Test
  void reportsDeniedTopicFilterReachableThroughBroaderFilter() {
    String policy =
        """
        {"Version":"2012-10-17","Statement":[
         {"Effect":"Allow","Action":"iot:Subscribe","Resource":"arn:aws:iot:us-east-1:111122223333:topicfilter/building/*"},
         {"Effect":"Deny","Action":"iot:Subscribe","Resource":"arn:aws:iot:us-east-1:111122223333:topicfilter/building/control_room/*"},
         {"Effect":"Allow","Action":"iot:Receive","Resource":"arn:aws:iot:us-east-1:111122223333:topic/building/*"}]}""";

    List<LintFinding> findings = PolicyLinter.lint(PolicyDocument.parse(policy));

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.check()).isEqualTo("IOT_POLICY_POTENTIAL_MISCONFIGURATION_CHECK");
              assertThat(f.statementIndex()).isEqualTo(1);
              assertThat(f.message())
                  .startsWith("TOPIC_FILTERS_INTENDED_TO_DENY_ALLOWED_USING_WILDCARDS")
                  .contains("building/#");
            });
  }

  @Test
  void denyBackedByReceiveRestrictionIsCorrectlyConfigured() {
    String policy =
        """
        {"Version":"2012-10-17","Statement":[
         {"Effect":"Allow","Action":"iot:Subscribe","Resource":"arn:aws:iot:us-east-1:111122223333:topicfilter/building/*"},
         {"Effect":"Deny","Action":"iot:Subscribe","Resource":"arn:aws:iot:us-east-1:111122223333:topicfilter/building/control_room/*"},
         {"Effect":"Allow","Action":"iot:Receive","NotResource":"arn:aws:iot:us-east-1:111122223333:topic/building/control_room/*"}]}""";

    assertThat(PolicyLinter.lint(PolicyDocument.parse(policy))).isEmpty();
  }

  @Test
  void namesAMisspeltActionAndTheOneItProbablyMeant() {
    List<LintFinding> findings = lint("iot:Publsh", ARN + "topic/devices/lamp", null);

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.check()).isEqualTo(PolicyLinter.UNKNOWN_ACTION);
              assertThat(f.severity()).isEqualTo(PolicyLinter.MEDIUM);
              assertThat(f.message())
                  .isEqualTo(
                      "iot:publsh is not an AWS IoT Core policy action (did you mean"
                          + " iot:Publish?)");
            });
  }

  @Test
  void wildcardActionsThatNameSomeIotActionAreKnown() {
    assertThat(lint("iot:*Shadow", ARN + "thing/lamp", null))
        .noneMatch(f -> f.check().equals(PolicyLinter.UNKNOWN_ACTION));
    assertThat(lint("iot:Get*", ARN + "thing/lamp", null))
        .noneMatch(f -> f.check().equals(PolicyLinter.UNKNOWN_ACTION));
  }

  @Test
  void iotStarOnStarIsReportedAsAllowingEverything() {
    assertThat(lint("iot:*", "*", null))
        .anySatisfy(
            f -> {
              assertThat(f.check()).isEqualTo(PolicyLinter.ALLOWS_EVERYTHING);
              assertThat(f.severity()).isEqualTo(PolicyLinter.CRITICAL);
            });
  }

  @Test
  void anUnknownPolicyVariableIsReported() {
    List<LintFinding> findings =
        lint("iot:Connect", ARN + "client/${iot:Connection.Thing.Name}", ATTACHED);

    assertThat(findings)
        .extracting(LintFinding::check, LintFinding::message)
        .contains(
            org.assertj.core.groups.Tuple.tuple(
                PolicyLinter.UNKNOWN_POLICY_VARIABLE,
                "${iot:Connection.Thing.Name} is not an IoT policy variable: it never gets a"
                    + " value"));
  }

  @Test
  void variablesInADocumentWithoutVersion2012AreReportedAsLiteral() {
    List<LintFinding> findings =
        PolicyLinter.lint(
            PolicyDocument.parse(
                "{\"Version\":\"2008-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                    + "\"Action\":\"iot:Connect\",\"Resource\":\""
                    + ARN
                    + "client/${iot:Connection.Thing.ThingName}\"}]}"));

    assertThat(findings)
        .extracting(LintFinding::check)
        .contains(PolicyLinter.POLICY_VARIABLES_IGNORED);
  }
}
