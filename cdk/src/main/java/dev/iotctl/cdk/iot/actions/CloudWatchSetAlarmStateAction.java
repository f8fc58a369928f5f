package dev.iotctl.cdk.iot.actions;

import dev.iotctl.cdk.iot.ActionConfig;
import dev.iotctl.cdk.iot.IAction;
import dev.iotctl.cdk.iot.ITopicRule;
import java.util.List;
import java.util.Set;
import software.amazon.awscdk.services.cloudwatch.IAlarm;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iot.CfnTopicRule;

/** Sets a CloudWatch alarm's state ({@code cloudwatch:SetAlarmState} on the alarm). */
public final class CloudWatchSetAlarmStateAction implements IAction {
  /** The states an alarm can be set to. */
  public static final Set<String> STATES = Set.of("OK", "ALARM", "INSUFFICIENT_DATA");

  private final IAlarm alarm;
  private final String state;
  private final String reason;
  private final IRole role;

  /** Sets {@code alarm} to {@code state} (OK, ALARM or INSUFFICIENT_DATA). */
  public CloudWatchSetAlarmStateAction(IAlarm alarm, String state) {
    this(builder(alarm, state));
  }

  private CloudWatchSetAlarmStateAction(Builder b) {
    this.alarm = b.alarm;
    if (!STATES.contains(b.state)) {
      throw new IllegalArgumentException(
          "alarm state must be OK, ALARM or INSUFFICIENT_DATA, got '" + b.state + "'");
    }
    this.state = b.state;
    this.reason = b.reason;
    this.role = b.role;
  }

  public static Builder builder(IAlarm alarm, String state) {
    return new Builder(Targets.required(alarm, "alarm"), Targets.required(state, "alarm state"));
  }

  @Override
  public ActionConfig bind(ITopicRule rule) {
    IRole actionRole = ActionRole.orShared(role, rule);
    Targets.allow(actionRole, List.of(alarm.getAlarmArn()), "cloudwatch:SetAlarmState");
    return new ActionConfig(
        CfnTopicRule.ActionProperty.builder()
            .cloudwatchAlarm(
                CfnTopicRule.CloudwatchAlarmActionProperty.builder()
                    .alarmName(alarm.getAlarmName())
                    .stateValue(state)
                    .stateReason(reason)
                    .roleArn(actionRole.getRoleArn())
                    .build())
            .build());
  }

  /** Builder for {@link CloudWatchSetAlarmStateAction}. */
  public static final class Builder {
    private final IAlarm alarm;
    private final String state;
    private String reason = "Set by AWS IoT topic rule";
    private IRole role;

    private Builder(IAlarm alarm, String state) {
      this.alarm = alarm;
      this.state = state;
    }

    /** Why the state changed (substitution templates allowed). */
    public Builder reason(String reason) {
      this.reason = Targets.required(reason, "reason");
      return this;
    }

    /** A role to use instead of the rule's shared one. */
    public Builder role(IRole role) {
      this.role = role;
      return this;
    }

    public CloudWatchSetAlarmStateAction build() {
      return new CloudWatchSetAlarmStateAction(this);
    }
  }
}
