package dev.iotctl.cdk.iot.actions;

import dev.iotctl.cdk.iot.ITopicRule;
import dev.iotctl.cdk.iot.Scopes;
import dev.iotctl.cdk.iot.TopicRule;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.constructs.IConstruct;

/**
 * The role a topic rule's actions share: trusted by {@code iot.amazonaws.com}, created with the
 * first action that needs one, and granted exactly what each action needs on its target. A {@link
 * TopicRule} depends on the role's policy, so it never runs without its permissions.
 */
public final class ActionRole {
  /** The construct id of the role, under the rule. */
  public static final String ID = TopicRule.ACTION_ROLE_ID;

  private ActionRole() {}

  /** The rule's shared action role. */
  public static IRole of(ITopicRule rule) {
    IConstruct existing = rule.getNode().tryFindChild(ID);
    if (existing instanceof IRole role) {
      return role;
    }
    Role role =
        Role.Builder.create(Scopes.of(rule), ID)
            .assumedBy(new ServicePrincipal("iot.amazonaws.com"))
            .description("Targets of IoT topic rule " + rule.getNode().getId())
            .build();
    return role;
  }

  /** {@code given}, or the rule's shared role when null. */
  static IRole orShared(IRole given, ITopicRule rule) {
    return given != null ? given : of(rule);
  }
}
