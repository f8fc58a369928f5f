package dev.iotctl.cdk.iot;

import java.util.Objects;
import software.amazon.awscdk.services.iot.CfnTopicRule;

/**
 * A bound rule action.
 *
 * @param configuration the {@code AWS::IoT::TopicRule} action, exactly one of its members set
 */
public record ActionConfig(CfnTopicRule.ActionProperty configuration) {
  public ActionConfig {
    Objects.requireNonNull(configuration, "configuration");
  }
}
