package dev.iotctl.cli.local.apply;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.Policy;

/** {@code AWS::IoT::PolicyPrincipalAttachment}: AttachPolicy / DetachPolicy on the principal. */
final class PolicyPrincipalAttachmentHandler implements ResourceHandler {
  private final IotClient iot;

  PolicyPrincipalAttachmentHandler(IotClient iot) {
    this.iot = iot;
  }

  @Override
  public Physical create(String name, JsonNode properties) {
    String policy = Sdk.required(properties, "PolicyName");
    String principal = Sdk.required(properties, "Principal");
    iot.attachPolicy(r -> r.policyName(policy).target(principal));
    return new Physical(policy + "|" + principal, Map.of());
  }

  @Override
  public void update(AppliedResource applied, JsonNode properties) {
    throw new IllegalStateException("attachments are replaced, never updated");
  }

  @Override
  public boolean exists(AppliedResource applied) {
    String policy = Sdk.required(applied.properties(), "PolicyName");
    String principal = Sdk.required(applied.properties(), "Principal");
    Boolean attached =
        Sdk.orNull(
            () ->
                iot.listAttachedPoliciesPaginator(r -> r.target(principal)).policies().stream()
                    .map(Policy::policyName)
                    .anyMatch(policy::equals));
    return Boolean.TRUE.equals(attached);
  }

  @Override
  public void delete(AppliedResource applied) {
    String policy = Sdk.required(applied.properties(), "PolicyName");
    String principal = Sdk.required(applied.properties(), "Principal");
    Sdk.ignoringNotFound(() -> iot.detachPolicy(r -> r.policyName(policy).target(principal)));
  }
}
