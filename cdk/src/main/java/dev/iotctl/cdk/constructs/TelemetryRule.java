package dev.iotctl.cdk.constructs;

import dev.iotctl.cdk.fleet.RuleActionSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyDocument;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.iot.CfnTopicRule;
import software.amazon.awscdk.services.iot.CfnTopicRule.ActionProperty;
import software.amazon.awscdk.services.lambda.CfnPermission;
import software.constructs.Construct;

/**
 * An IoT topic rule with its own least-privilege role: one role per rule, holding only the actions
 * and target resources that the rule's actions (and error action) use. Lambda targets get a
 * resource policy ({@code AWS::Lambda::Permission}) instead. The SQL and every action are checked
 * at synth; problems fail synthesis with a message naming the rule.
 */
public class TelemetryRule extends Construct {
  private final CfnTopicRule rule;

  public TelemetryRule(Construct scope, String id, TelemetryRuleProps props) {
    super(scope, id);
    String name = props.getRuleName();
    List<String> problems = new ArrayList<>();
    ResourceNames.checkRuleName(name).ifPresent(problems::add);
    RuleSql.check(props.getSql(), props.getSqlVersion())
        .ifPresent(p -> problems.add("rule '" + name + "': " + p));
    if (props.getActions().isEmpty() || props.getActions().size() > 10) {
      problems.add("rule '" + name + "': needs 1 to 10 actions, has " + props.getActions().size());
    }
    List<RuleActionSpec> all = new ArrayList<>(props.getActions());
    if (props.getErrorAction() != null) {
      all.add(props.getErrorAction());
    }
    all.forEach(a -> RuleActions.check(a).forEach(p -> problems.add("rule '" + name + "': " + p)));

    RuleActions actions = new RuleActions(Stack.of(this));
    String roleArn =
        all.stream().anyMatch(RuleActions::needsRole) ? role(props, all, actions) : null;
    List<Object> rendered = new ArrayList<>();
    props.getActions().forEach(a -> rendered.add(actions.action(a, roleArn)));
    ActionProperty errorAction =
        props.getErrorAction() == null ? null : actions.action(props.getErrorAction(), roleArn);
    this.rule =
        CfnTopicRule.Builder.create(this, "Rule")
            .ruleName(name)
            .topicRulePayload(
                CfnTopicRule.TopicRulePayloadProperty.builder()
                    .sql(props.getSql())
                    .awsIotSqlVersion(props.getSqlVersion())
                    .description(props.getDescription())
                    .ruleDisabled(!props.isEnabled())
                    .actions(rendered)
                    .errorAction(errorAction)
                    .build())
            .build();
    Set<String> functions = new LinkedHashSet<>();
    all.stream()
        .filter(RuleActionSpec.Lambda.class::isInstance)
        .forEach(a -> functions.add(((RuleActionSpec.Lambda) a).function()));
    int permission = 0;
    for (String function : functions) {
      CfnPermission.Builder.create(this, "InvokePermission" + permission++)
          .action("lambda:InvokeFunction")
          .functionName(actions.lambdaArn(new RuleActionSpec.Lambda(function)))
          .principal("iot.amazonaws.com")
          .sourceArn(rule.getAttrArn())
          .sourceAccount(Aws.ACCOUNT_ID)
          .build();
    }
    CfnOutput.Builder.create(this, "Name")
        .description("Topic rule " + name)
        .value(rule.getRef())
        .build();
    Problems.report(this, problems);
  }

  /** The underlying L1 resource. */
  public CfnTopicRule getCfnTopicRule() {
    return rule;
  }

  private String role(TelemetryRuleProps props, List<RuleActionSpec> all, RuleActions actions) {
    PolicyDocument document = new PolicyDocument();
    all.forEach(a -> document.addStatements(actions.statements(a).toArray(new PolicyStatement[0])));
    Role role =
        Role.Builder.create(this, "Role")
            .assumedBy(new ServicePrincipal("iot.amazonaws.com"))
            .description("Targets of IoT topic rule " + props.getRuleName())
            .inlinePolicies(Map.of("RuleActions", document))
            .build();
    return role.getRoleArn();
  }
}
