package dev.iotctl.cdk.iot.actions;

import dev.iotctl.cdk.iot.ActionConfig;
import dev.iotctl.cdk.iot.IAction;
import dev.iotctl.cdk.iot.ITopicRule;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iot.CfnTopicRule;

/**
 * Puts a CloudWatch metric datum. {@code cloudwatch:PutMetricData} has no resource type, so the
 * role may call it on {@code *} only in the action's namespace ({@code cloudwatch:namespace}).
 */
public final class CloudWatchPutMetricAction implements IAction {
  private final String namespace;
  private final String name;
  private final String value;
  private final String unit;
  private final String timestamp;
  private final IRole role;

  private CloudWatchPutMetricAction(Builder b) {
    this.namespace = b.namespace;
    this.name = b.name;
    this.value = b.value;
    this.unit = b.unit;
    this.timestamp = b.timestamp;
    this.role = b.role;
  }

  /**
   * @param namespace the metric namespace
   * @param name the metric name (substitution templates allowed)
   * @param value the value, e.g. {@code ${temperature}}
   * @param unit a CloudWatch unit, e.g. {@code None}, {@code Count}, {@code Seconds}
   */
  public static Builder builder(String namespace, String name, String value, String unit) {
    return new Builder(
        Targets.required(namespace, "metric namespace"),
        Targets.required(name, "metric name"),
        Targets.required(value, "metric value"),
        Targets.required(unit, "metric unit"));
  }

  @Override
  public ActionConfig bind(ITopicRule rule) {
    IRole actionRole = ActionRole.orShared(role, rule);
    actionRole.addToPrincipalPolicy(
        PolicyStatement.Builder.create()
            .actions(List.of("cloudwatch:PutMetricData"))
            .resources(List.of("*"))
            .conditions(Map.of("StringEquals", Map.of("cloudwatch:namespace", namespace)))
            .build());
    return new ActionConfig(
        CfnTopicRule.ActionProperty.builder()
            .cloudwatchMetric(
                CfnTopicRule.CloudwatchMetricActionProperty.builder()
                    .metricNamespace(namespace)
                    .metricName(name)
                    .metricValue(value)
                    .metricUnit(unit)
                    .metricTimestamp(timestamp)
                    .roleArn(actionRole.getRoleArn())
                    .build())
            .build());
  }

  /** Builder for {@link CloudWatchPutMetricAction}. */
  public static final class Builder {
    private final String namespace;
    private final String name;
    private final String value;
    private final String unit;
    private String timestamp;
    private IRole role;

    private Builder(String namespace, String name, String value, String unit) {
      this.namespace = namespace;
      this.name = name;
      this.value = value;
      this.unit = unit;
    }

    /** The datum's time, e.g. {@code ${timestamp()}}; default: when the message is processed. */
    public Builder timestamp(String timestamp) {
      this.timestamp = timestamp;
      return this;
    }

    /** A role to use instead of the rule's shared one. */
    public Builder role(IRole role) {
      this.role = role;
      return this;
    }

    public CloudWatchPutMetricAction build() {
      return new CloudWatchPutMetricAction(this);
    }
  }
}
