package dev.iotctl.cdk.iot.actions;

import dev.iotctl.cdk.iot.IAction;
import dev.iotctl.cdk.iot.IotSql;
import dev.iotctl.cdk.iot.TopicRule;
import dev.iotctl.cdk.iot.TopicRuleProps;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** A rule per action under test, and what its role may do. */
final class ActionTests {
  private ActionTests() {}

  /** A rule named {@code name} in {@code stack} with these actions. */
  static TopicRule rule(Stack stack, String name, IAction... actions) {
    return new TopicRule(
        stack,
        name,
        TopicRuleProps.builder()
            .topicRuleName(name)
            .sql(IotSql.fromStringAsVer20160323("SELECT * FROM 'fleet/+/telemetry'"))
            .actions(List.of(actions))
            .build());
  }

  /** The statements of the role policy of the rule named {@code rule}. */
  static List<Map<?, ?>> statementsOf(Template template, String rule) {
    List<Map<?, ?>> statements = new java.util.ArrayList<>();
    policyOf(template, rule).forEach(s -> statements.add((Map<?, ?>) s));
    return statements;
  }

  /** Asserts the rule's action list holds exactly one action whose {@code key} matches. */
  static void hasAction(Template template, String rule, String key, Object value) {
    template.hasResourceProperties(
        "AWS::IoT::TopicRule",
        Match.objectLike(
            Map.of(
                "RuleName",
                rule,
                "TopicRulePayload",
                Match.objectLike(Map.of("Actions", List.of(Map.of(key, value)))))));
  }

  private static List<?> policyOf(Template template, String rule) {
    for (Object policy : template.findResources("AWS::IAM::Policy").values()) {
      Map<?, ?> properties = (Map<?, ?>) ((Map<?, ?>) policy).get("Properties");
      String roles = properties.get("Roles").toString();
      if (roles.contains(rule + "ActionRole")) {
        return (List<?>) ((Map<?, ?>) properties.get("PolicyDocument")).get("Statement");
      }
    }
    return List.of();
  }
}
