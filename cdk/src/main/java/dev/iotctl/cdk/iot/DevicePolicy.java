package dev.iotctl.cdk.iot;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Resource;
import software.amazon.awscdk.ResourceProps;
import software.amazon.awscdk.services.iot.CfnPolicy;
import software.amazon.awscdk.services.iot.CfnPolicyPrincipalAttachment;
import software.constructs.Construct;

/**
 * An AWS IoT policy ({@code AWS::IoT::Policy}) whose document is parsed and linted at synth: a
 * malformed document, or one the linter finds overly permissive (unless {@link
 * DevicePolicyProps#isAllowPermissive()}), fails synthesis with a message naming the policy. {@code
 * ${AWS::Region}}-style pseudo parameters in the document are filled in at deploy time.
 */
public class DevicePolicy extends Resource implements IDevicePolicy, Scopes.KnownId {
  private final CfnPolicy policy;
  private final String constructId;
  private final String declaredName;
  private final String policyName;
  private final String policyArn;

  public DevicePolicy(Construct scope, String id, DevicePolicyProps props) {
    super(scope, id, ResourceProps.builder().physicalName(props.getPolicyName()).build());
    this.constructId = id;
    this.declaredName = props.getPolicyName() != null ? props.getPolicyName() : id;
    List<String> problems = new ArrayList<>();
    ResourceNames.checkPolicyName(props.getPolicyName())
        .ifPresent(p -> problems.add("policy: " + p));
    Object document = null;
    try {
      PolicyTemplate template = PolicyTemplate.parse(props.getDocument());
      document = template.toCloudFormation();
      PolicyLint.Result lint = PolicyLint.check(template.toLintJson());
      for (String error : lint.errors()) {
        String message = "policy '" + declaredName + "': " + error;
        if (props.isAllowPermissive()) {
          Annotations.of(this).addWarningV2("iotctl:permissive-policy", message + " (allowed)");
        } else {
          problems.add(message + " (set allowPermissive: true to accept)");
        }
      }
      lint.warnings()
          .forEach(
              m ->
                  Annotations.of(this)
                      .addWarningV2("iotctl:policy-lint", "policy '" + declaredName + "': " + m));
    } catch (IllegalArgumentException e) {
      problems.add("policy '" + declaredName + "': " + e.getMessage());
    }
    this.policy =
        CfnPolicy.Builder.create(this, "Resource")
            .policyName(props.getPolicyName())
            .policyDocument(document)
            .build();
    this.policyName = getResourceNameAttribute(policy.getRef());
    this.policyArn =
        getResourceArnAttribute(
            policy.getAttrArn(),
            ArnComponents.builder()
                .service("iot")
                .resource("policy")
                .resourceName(getPhysicalName())
                .arnFormat(ArnFormat.SLASH_RESOURCE_NAME)
                .build());
    Problems.report(this, problems);
  }

  /** A policy that exists outside this app, by name. */
  public static IDevicePolicy fromPolicyName(Construct scope, String id, String policyName) {
    return new Imported(scope, id, policyName, IotArns.arn(scope, "policy", policyName));
  }

  /** A policy that exists outside this app, by ARN. */
  public static IDevicePolicy fromPolicyArn(Construct scope, String id, String policyArn) {
    return new Imported(scope, id, IotArns.name(policyArn), policyArn);
  }

  @Override
  public String getPolicyName() {
    return policyName;
  }

  @Override
  public String getPolicyArn() {
    return policyArn;
  }

  @Override
  public CfnPolicyPrincipalAttachment attachTo(IPolicyPrincipal principal) {
    return attach(this, principal);
  }

  @Override
  public String constructId() {
    return constructId;
  }

  /** The underlying L1 resource. */
  public CfnPolicy getCfnPolicy() {
    return policy;
  }

  static CfnPolicyPrincipalAttachment attach(IDevicePolicy policy, IPolicyPrincipal principal) {
    CfnPolicyPrincipalAttachment attachment =
        CfnPolicyPrincipalAttachment.Builder.create(
                Scopes.of(principal), "PolicyAttachment" + Scopes.id(policy))
            .policyName(policy.getPolicyName())
            .principal(principal.getPrincipalArn())
            .build();
    return attachment;
  }

  private static final class Imported extends Resource implements IDevicePolicy, Scopes.KnownId {
    private final String id;
    private final String name;
    private final String arn;

    Imported(Construct scope, String id, String name, String arn) {
      super(scope, id, ResourceProps.builder().environmentFromArn(arn).build());
      this.id = id;
      this.name = name;
      this.arn = arn;
    }

    @Override
    public String getPolicyName() {
      return name;
    }

    @Override
    public String getPolicyArn() {
      return arn;
    }

    @Override
    public CfnPolicyPrincipalAttachment attachTo(IPolicyPrincipal principal) {
      return attach(this, principal);
    }

    @Override
    public String constructId() {
      return id;
    }
  }
}
