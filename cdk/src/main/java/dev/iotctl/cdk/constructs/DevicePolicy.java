package dev.iotctl.cdk.constructs;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.services.iot.CfnPolicy;
import software.constructs.Construct;

/**
 * An AWS IoT policy whose document is parsed and linted at synth: a malformed document, or one the
 * linter finds overly permissive (unless {@link DevicePolicyProps#isAllowPermissive()}), fails
 * synthesis with a message naming the policy.
 */
public class DevicePolicy extends Construct {
  private final CfnPolicy policy;
  private final String policyName;

  public DevicePolicy(Construct scope, String id, DevicePolicyProps props) {
    super(scope, id);
    this.policyName = props.getPolicyName();
    List<String> problems = new ArrayList<>();
    ResourceNames.checkPolicyName(policyName).ifPresent(p -> problems.add("policy: " + p));
    Object document = null;
    try {
      PolicyTemplate template = PolicyTemplate.parse(props.getDocument());
      document = template.toCloudFormation();
      PolicyLint.Result lint = PolicyLint.check(template.toLintJson());
      lint.errors().stream()
          .map(m -> "policy '" + policyName + "': " + m)
          .forEach(
              m -> {
                if (props.isAllowPermissive()) {
                  Annotations.of(this).addWarningV2("iotctl:permissive-policy", m + " (allowed)");
                } else {
                  problems.add(m + " (set allowPermissive: true to accept)");
                }
              });
      lint.warnings()
          .forEach(
              m ->
                  Annotations.of(this)
                      .addWarningV2("iotctl:policy-lint", "policy '" + policyName + "': " + m));
    } catch (IllegalArgumentException e) {
      problems.add("policy '" + policyName + "': " + e.getMessage());
    }
    this.policy =
        CfnPolicy.Builder.create(this, "Policy")
            .policyName(policyName)
            .policyDocument(document)
            .build();
    CfnOutput.Builder.create(this, "Name")
        .description("IoT policy " + policyName)
        .value(policy.getRef())
        .build();
    Problems.report(this, problems);
  }

  /** The policy's name. */
  public String getPolicyName() {
    return policyName;
  }

  /** The underlying L1 resource. */
  public CfnPolicy getCfnPolicy() {
    return policy;
  }
}
