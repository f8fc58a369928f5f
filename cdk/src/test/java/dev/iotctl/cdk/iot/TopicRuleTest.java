package dev.iotctl.cdk.iot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iotctl.cdk.TestStacks;
import dev.iotctl.cdk.iot.actions.RepublishAction;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class TopicRuleTest {
  private static Template template;
  private static ITopicRule imported;

  @BeforeAll
  static void synth() {
    Stack stack = TestStacks.stack();
    TopicRule rule =
        new TopicRule(
            stack,
            "Alerts",
            TopicRuleProps.builder()
                .topicRuleName("alerts")
                .sql(IotSql.fromStringAsVer20160323("SELECT * FROM 'fleet/+/telemetry'"))
                .description("Alerts")
                .errorAction(new RepublishAction("errors"))
                .build());
    rule.addAction(RepublishAction.builder("alerts/${topic(2)}").qos(1).build());
    imported =
        TopicRule.fromTopicRuleArn(stack, "Other", "arn:aws:iot:eu-west-1:123456789012:rule/other");
    template = Template.fromStack(stack);
  }

  @Test
  void hasItsSqlVersionAndAddedAction() {
    template.hasResourceProperties(
        "AWS::IoT::TopicRule",
        Map.of(
            "RuleName",
            "alerts",
            "TopicRulePayload",
            Match.objectLike(
                Map.of(
                    "Sql",
                    "SELECT * FROM 'fleet/+/telemetry'",
                    "AwsIotSqlVersion",
                    "2016-03-23",
                    "RuleDisabled",
                    false,
                    "Actions",
                    List.of(
                        Map.of(
                            "Republish",
                            Match.objectLike(Map.of("Topic", "alerts/${topic(2)}", "Qos", 1))))))));
  }

  @Test
  void hasItsErrorAction() {
    template.hasResourceProperties(
        "AWS::IoT::TopicRule",
        Match.objectLike(
            Map.of(
                "TopicRulePayload",
                Match.objectLike(
                    Map.of(
                        "ErrorAction",
                        Map.of("Republish", Match.objectLike(Map.of("Topic", "errors"))))))));
  }

  @Test
  void actionsShareOneRoleTrustedByIot() {
    template.resourceCountIs("AWS::IAM::Role", 1);
    template.hasResourceProperties(
        "AWS::IAM::Role",
        Match.objectLike(
            Map.of(
                "AssumeRolePolicyDocument",
                Match.objectLike(
                    Map.of(
                        "Statement",
                        List.of(
                            Match.objectLike(
                                Map.of("Principal", Map.of("Service", "iot.amazonaws.com")))))))));
  }

  @Test
  void theRuleWaitsForItsRolesPolicy() {
    template.hasResource(
        "AWS::IoT::TopicRule",
        Match.objectLike(
            Map.of(
                "DependsOn", List.of(Match.stringLikeRegexp("AlertsActionRoleDefaultPolicy.*")))));
  }

  @Test
  void anImportByArnHasItsArn() {
    assertThat(imported.getTopicRuleArn()).endsWith(":rule/other");
  }
}
