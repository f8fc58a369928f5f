package dev.iotctl.core.policy;

import static dev.iotctl.core.policy.Eval.allowed;
import static dev.iotctl.core.policy.Eval.client;
import static dev.iotctl.core.policy.Eval.eval;
import static dev.iotctl.core.policy.Eval.thing;
import static dev.iotctl.core.policy.Eval.topic;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyEvaluatorTest {

  private static String allow(String action, String resource) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\""
        + action
        + "\",\"Resource\":\""
        + resource
        + "\"}}";
  }

  @Test
  void defaultIsImplicitDenyWithoutDecidingStatements() {
    AuthorizationResult result =
        PolicyEvaluator.evaluate(
            List.of(), new AuthorizationRequest("iot:Connect", client("c"), thing("c")));

    assertThat(result.decision()).isEqualTo(Decision.IMPLICIT_DENY);
    assertThat(result.allowed()).isFalse();
    assertThat(result.decidingStatements()).isEmpty();
  }

  @Test
  void explicitDenyInAnyPolicyWinsOverAllows() {
    NamedPolicy allowAll = new NamedPolicy("allow-all", PolicyDocument.parse(allow("iot:*", "*")));
    NamedPolicy denyTopic =
        new NamedPolicy(
            "deny",
            PolicyDocument.parse(
                """
                {"Version":"2012-10-17","Statement":[
                 {"Effect":"Allow","Action":"iot:Publish","Resource":"*"},
                 {"Sid":"NoSecrets","Effect":"Deny","Action":"iot:Publish",
                  "Resource":"arn:aws:iot:us-east-1:123456789012:topic/secret/*"}]}"""));
    AuthorizationRequest secret =
        new AuthorizationRequest("iot:Publish", topic("secret/x"), thing("t"));
    AuthorizationRequest open =
        new AuthorizationRequest("iot:Publish", topic("open/x"), thing("t"));

    AuthorizationResult denied = PolicyEvaluator.evaluate(List.of(allowAll, denyTopic), secret);
    AuthorizationResult allowedResult =
        PolicyEvaluator.evaluate(List.of(allowAll, denyTopic), open);

    assertThat(denied.decision()).isEqualTo(Decision.EXPLICIT_DENY);
    assertThat(denied.decidingStatements())
        .containsExactly(new StatementRef("deny", 1, "NoSecrets"));
    assertThat(denied.explanation())
        .contains("Explicit deny")
        .contains("policy 'deny' statement 1 (Sid NoSecrets)");
    assertThat(allowedResult.decision()).isEqualTo(Decision.ALLOWED);
    assertThat(allowedResult.decidingStatements())
        .containsExactly(new StatementRef("allow-all", 0, null), new StatementRef("deny", 0, null));
    assertThat(allowedResult.explanation()).startsWith("Allowed iot:Publish on " + topic("open/x"));
  }

  @Test
  void implicitDenyExplanationNamesThePolicies() {
    AuthorizationResult result =
        eval(allow("iot:Publish", "*"), "iot:Subscribe", Eval.filter("a"), thing("t"));

    assertThat(result.decision()).isEqualTo(Decision.IMPLICIT_DENY);
    assertThat(result.explanation()).contains("no statement in 'p' allows it");
  }

  @Test
  void actionsAreCaseInsensitiveAndSupportWildcards() {
    assertThat(allowed(allow("IOT:publish", "*"), "iot:Publish", topic("a"), thing("t"))).isTrue();
    assertThat(allowed(allow("iot:Publish", "*"), "IoT:PUBLISH", topic("a"), thing("t"))).isTrue();
    assertThat(allowed(allow("iot:*", "*"), "iot:Subscribe", topic("a"), thing("t"))).isTrue();
    assertThat(allowed(allow("*", "*"), "iot:Receive", topic("a"), thing("t"))).isTrue();
    assertThat(allowed(allow("iot:*Shadow", "*"), "iot:GetThingShadow", "x", thing("t"))).isTrue();
    assertThat(allowed(allow("iot:*Shadow", "*"), "iot:Publish", "x", thing("t"))).isFalse();
    assertThat(allowed(allow("iot:?ublish", "*"), "iot:Publish", "x", thing("t"))).isTrue();
    assertThat(allowed(allow("iot:Publish", "*"), "iot:RetainPublish", "x", thing("t"))).isFalse();
  }

  @Test
  void resourcesAreCaseSensitive() {
    String policy = allow("iot:Publish", topic("Sensors/*"));

    assertThat(allowed(policy, "iot:Publish", topic("Sensors/1"), thing("t"))).isTrue();
    assertThat(allowed(policy, "iot:Publish", topic("sensors/1"), thing("t"))).isFalse();
  }

  @Test
  void notActionAllowsEverythingElse() {
    String policy =
        """
        {"Version":"2012-10-17","Statement":{"Effect":"Allow","NotAction":"iot:Publish","Resource":"*"}}""";

    assertThat(allowed(policy, "iot:Subscribe", "x", thing("t"))).isTrue();
    assertThat(allowed(policy, "iot:Publish", "x", thing("t"))).isFalse();
  }

  @Test
  void supportsThingAndThingGroupArns() {
    String policy =
        """
        {"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":["iot:GetThingShadow","iot:DescribeThingGroup"],
         "Resource":["arn:aws:iot:us-east-1:123456789012:thing/${iot:Connection.Thing.ThingName}",
                     "arn:aws:iot:us-east-1:123456789012:thinggroup/floor-*"]}}""";

    assertThat(allowed(policy, "iot:GetThingShadow", Eval.thingArn("lamp"), thing("lamp")))
        .isTrue();
    assertThat(allowed(policy, "iot:GetThingShadow", Eval.thingArn("door"), thing("lamp")))
        .isFalse();
    String group = IotArns.thingGroup(Eval.REGION, Eval.ACCOUNT, "floor-2");
    assertThat(allowed(policy, "iot:DescribeThingGroup", group, thing("lamp"))).isTrue();
  }

  @Test
  void substitutedValuesAreLiteralNotWildcards() {
    String policy = allow("iot:Publish", topic("${iot:ClientId}/data"));
    PolicyContext star = PolicyContext.builder().clientId("*").build();

    assertThat(allowed(policy, "iot:Publish", topic("*/data"), star)).isTrue();
    assertThat(allowed(policy, "iot:Publish", topic("other/data"), star)).isFalse();
  }

  @Test
  void unresolvedVariableStaysAsLiteralTextSoTheStatementDoesNotMatch() {
    String policy = allow("iot:Publish", topic("${iot:Connection.Thing.ThingName}/data"));
    PolicyContext notAttached = Eval.unregistered("lamp");

    assertThat(allowed(policy, "iot:Publish", topic("lamp/data"), notAttached)).isFalse();
    // AWS leaves the ${...} text in place; only that literal text would match.
    assertThat(
            allowed(
                policy,
                "iot:Publish",
                topic("${iot:Connection.Thing.ThingName}/data"),
                notAttached))
        .isTrue();
  }

  @Test
  void unresolvedVariableInDenyDoesNotDeny() {
    String policy =
        """
        {"Version":"2012-10-17","Statement":[
         {"Effect":"Allow","Action":"iot:Publish","Resource":"*"},
         {"Effect":"Deny","Action":"iot:Publish",
          "Resource":"arn:aws:iot:us-east-1:123456789012:topic/${iot:Connection.Thing.ThingTypeName}/*"}]}""";
    PolicyContext typed =
        PolicyContext.builder()
            .clientId("t")
            .thingName("t")
            .isAttached(true)
            .thingTypeName("cam")
            .build();

    assertThat(eval(policy, "iot:Publish", topic("cam/x"), typed).decision())
        .isEqualTo(Decision.EXPLICIT_DENY);
    assertThat(allowed(policy, "iot:Publish", topic("cam/x"), thing("t"))).isTrue();
  }

  @Test
  void escapedSpecialCharactersAreLiteral() {
    String policy = allow("iot:Publish", topic("a/${*}/b${?}/${$}{x}"));

    assertThat(allowed(policy, "iot:Publish", topic("a/*/b?/${x}"), thing("t"))).isTrue();
    assertThat(allowed(policy, "iot:Publish", topic("a/z/b?/${x}"), thing("t"))).isFalse();
    assertThat(allowed(policy, "iot:Publish", topic("a/*/bz/${x}"), thing("t"))).isFalse();
  }

  @Test
  void defaultValueForMissingVariable() {
    String policy =
        allow("iot:Publish", topic("${iot:Connection.Thing.ThingTypeName, 'untyped'}/x"));

    assertThat(allowed(policy, "iot:Publish", topic("untyped/x"), thing("t"))).isTrue();
  }

  @Test
  void withoutVersion2012VariablesAreLiteralText() {
    String policy =
        "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"iot:Publish\",\"Resource\":\""
            + topic("${iot:ClientId}/x")
            + "\"}}";

    assertThat(allowed(policy, "iot:Publish", topic("t/x"), thing("t"))).isFalse();
    assertThat(allowed(policy, "iot:Publish", topic("${iot:ClientId}/x"), thing("t"))).isTrue();
  }

  @Test
  void variableNamesAreCaseInsensitive() {
    String policy = allow("iot:Publish", topic("${IOT:clientid}/x"));

    assertThat(allowed(policy, "iot:Publish", topic("t/x"), thing("t"))).isTrue();
  }
}
