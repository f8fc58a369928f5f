package dev.iotctl.cdk.iot;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Lazy;
import software.amazon.awscdk.Resource;
import software.amazon.awscdk.ResourceProps;
import software.amazon.awscdk.services.iot.CfnTopicRule;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * An AWS IoT topic rule ({@code AWS::IoT::TopicRule}). Its SQL is checked at synth; actions ({@link
 * IAction}) are bound as they are added and grant the rule what they need, typically through one
 * least-privilege role per rule that holds only the actions' targets.
 */
public class TopicRule extends Resource implements ITopicRule {
  /** The construct id, under a rule, of the role its actions share. */
  public static final String ACTION_ROLE_ID = "ActionRole";

  /** Actions AWS IoT allows per rule. */
  public static final int MAX_ACTIONS = 10;

  private final CfnTopicRule rule;
  private final String declaredName;
  private final String topicRuleName;
  private final String topicRuleArn;
  private final List<Object> actions = new ArrayList<>();
  private ActionConfig errorAction;

  public TopicRule(Construct scope, String id, TopicRuleProps props) {
    super(scope, id, ResourceProps.builder().physicalName(props.getTopicRuleName()).build());
    this.declaredName = props.getTopicRuleName() != null ? props.getTopicRuleName() : id;
    List<String> problems = new ArrayList<>();
    ResourceNames.checkRuleName(props.getTopicRuleName()).ifPresent(problems::add);
    RuleSql.check(props.getSql().getSql(), props.getSql().getVersion())
        .ifPresent(p -> problems.add(label() + p));
    this.rule =
        CfnTopicRule.Builder.create(this, "Resource")
            .ruleName(props.getTopicRuleName())
            .topicRulePayload(
                CfnTopicRule.TopicRulePayloadProperty.builder()
                    .sql(props.getSql().getSql())
                    .awsIotSqlVersion(props.getSql().getVersion())
                    .description(props.getDescription())
                    .ruleDisabled(!props.isEnabled())
                    .actions(Lazy.any(() -> List.copyOf(actions)))
                    .errorAction(
                        props.getErrorAction() == null
                            ? null
                            : Lazy.any(() -> errorAction.configuration()))
                    .build())
            .build();
    this.topicRuleName = getResourceNameAttribute(rule.getRef());
    this.topicRuleArn =
        getResourceArnAttribute(
            rule.getAttrArn(),
            ArnComponents.builder()
                .service("iot")
                .resource("rule")
                .resourceName(getPhysicalName())
                .arnFormat(ArnFormat.SLASH_RESOURCE_NAME)
                .build());
    if (props.getErrorAction() != null) {
      // Bound once the rule exists: an action may need its ARN (e.g. a Lambda permission).
      this.errorAction = props.getErrorAction().bind(this);
      dependOnRolePolicy();
    }
    props.getActions().forEach(this::addAction);
    getNode()
        .addValidation(
            () ->
                actions.isEmpty() || actions.size() > MAX_ACTIONS
                    ? List.of(
                        label() + "needs 1 to " + MAX_ACTIONS + " actions, has " + actions.size())
                    : List.of());
    Problems.report(this, problems);
  }

  /** A rule that exists outside this app, by ARN. */
  public static ITopicRule fromTopicRuleArn(Construct scope, String id, String topicRuleArn) {
    return new Imported(scope, id, IotArns.name(topicRuleArn), topicRuleArn);
  }

  /** Adds an action (bound now: it may create the rule's role and grant it access). */
  public void addAction(IAction action) {
    actions.add(action.bind(this).configuration());
    dependOnRolePolicy();
  }

  /**
   * The rule names its role by ARN, so CloudFormation creates the role first, but not the role's
   * policy: without this the rule could run before it may write to its targets.
   */
  private void dependOnRolePolicy() {
    IConstruct role = getNode().tryFindChild(ACTION_ROLE_ID);
    IConstruct policy = role == null ? null : role.getNode().tryFindChild("DefaultPolicy");
    if (policy != null) {
      rule.getNode().addDependency(policy);
    }
  }

  @Override
  public String getTopicRuleName() {
    return topicRuleName;
  }

  @Override
  public String getTopicRuleArn() {
    return topicRuleArn;
  }

  /** The underlying L1 resource. */
  public CfnTopicRule getCfnTopicRule() {
    return rule;
  }

  private String label() {
    return "rule '" + declaredName + "': ";
  }

  private static final class Imported extends Resource implements ITopicRule {
    private final String name;
    private final String arn;

    Imported(Construct scope, String id, String name, String arn) {
      super(scope, id, ResourceProps.builder().environmentFromArn(arn).build());
      this.name = name;
      this.arn = arn;
    }

    @Override
    public String getTopicRuleName() {
      return name;
    }

    @Override
    public String getTopicRuleArn() {
      return arn;
    }
  }
}
