package dev.iotctl.cdk.iot;

import software.constructs.IConstruct;

/**
 * Something an IoT policy can be attached to ({@code AWS::IoT::PolicyPrincipalAttachment}): a
 * device certificate, or a principal given by ARN ({@link PolicyPrincipal#fromArn}). The attachment
 * is created in the principal's scope, so it lives in the principal's stack.
 */
public interface IPolicyPrincipal extends IConstruct {
  /** The principal's ARN (a certificate ARN or an Amazon Cognito identity). */
  String getPrincipalArn();
}
