package dev.iotctl.cdk.iot;

/**
 * A topic-rule action. Implement it to add your own: {@link #bind} renders the action for one rule
 * and grants the rule's role (or a resource policy) exactly what the action needs. The actions in
 * {@code dev.iotctl.cdk.iot.actions} share a role per rule ({@code ActionRole.of(rule)}).
 */
public interface IAction {
  /** Renders this action for {@code rule}; called once per rule it is added to. */
  ActionConfig bind(ITopicRule rule);
}
