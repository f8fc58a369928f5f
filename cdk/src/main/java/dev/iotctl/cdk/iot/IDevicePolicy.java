package dev.iotctl.cdk.iot;

import software.amazon.awscdk.IResource;
import software.amazon.awscdk.services.iot.CfnPolicyPrincipalAttachment;

/** An AWS IoT policy, defined here ({@link DevicePolicy}) or imported. */
public interface IDevicePolicy extends IResource {
  /** The policy's name. */
  String getPolicyName();

  /** The policy's ARN. */
  String getPolicyArn();

  /**
   * Attaches the policy to {@code principal}; the attachment is created in the principal's scope
   * (and stack) and depends on the policy when both are in one stack.
   */
  CfnPolicyPrincipalAttachment attachTo(IPolicyPrincipal principal);
}
