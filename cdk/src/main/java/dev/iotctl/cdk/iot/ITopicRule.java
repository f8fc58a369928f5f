package dev.iotctl.cdk.iot;

import software.amazon.awscdk.IResource;

/** An AWS IoT topic rule, defined here ({@link TopicRule}) or imported. */
public interface ITopicRule extends IResource {
  /** The rule's name. */
  String getTopicRuleName();

  /** The rule's ARN. */
  String getTopicRuleArn();
}
