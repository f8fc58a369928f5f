package dev.iotctl.core.provisioning;

import java.util.Arrays;
import java.util.Optional;

/** The resource types a provisioning template may declare. */
public enum ResourceType {
  THING("AWS::IoT::Thing"),
  CERTIFICATE("AWS::IoT::Certificate"),
  POLICY("AWS::IoT::Policy");

  private final String awsName;

  ResourceType(String awsName) {
    this.awsName = awsName;
  }

  /** The name used in templates, e.g. {@code AWS::IoT::Thing}. */
  public String awsName() {
    return awsName;
  }

  static Optional<ResourceType> of(String awsName) {
    return Arrays.stream(values()).filter(t -> t.awsName.equals(awsName)).findFirst();
  }
}
