package dev.iotctl.cdk.iot;

import software.constructs.Construct;

/** A policy principal known only by its ARN (e.g. a certificate or Cognito identity elsewhere). */
public final class PolicyPrincipal extends Construct implements IPolicyPrincipal {
  private final String arn;

  private PolicyPrincipal(Construct scope, String id, String arn) {
    super(scope, id);
    this.arn = arn;
  }

  /** The principal with this ARN; attachments to it are created under {@code scope}. */
  public static IPolicyPrincipal fromArn(Construct scope, String id, String principalArn) {
    return new PolicyPrincipal(scope, id, principalArn);
  }

  @Override
  public String getPrincipalArn() {
    return arn;
  }
}
