package dev.iotctl.cli.local.apply;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;
import java.util.Map;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.PolicyVersion;

/**
 * {@code AWS::IoT::Policy}: a changed document becomes a new default version, as CloudFormation
 * does; the oldest non-default version goes first when the policy already has five (AWS's limit).
 */
final class PolicyHandler implements ResourceHandler {
  private static final int MAX_VERSIONS = 5;
  private final IotClient iot;

  PolicyHandler(IotClient iot) {
    this.iot = iot;
  }

  @Override
  public Physical create(String name, JsonNode properties) {
    var created = iot.createPolicy(r -> r.policyName(name).policyDocument(document(properties)));
    return new Physical(name, Map.of("Arn", created.policyArn(), "Id", name));
  }

  @Override
  public void update(AppliedResource applied, JsonNode properties) {
    String name = applied.physicalId();
    var versions = iot.listPolicyVersions(r -> r.policyName(name)).policyVersions();
    if (versions.size() >= MAX_VERSIONS) {
      versions.stream()
          .filter(v -> !Boolean.TRUE.equals(v.isDefaultVersion()))
          .min(Comparator.comparingLong(v -> Long.parseLong(v.versionId())))
          .map(PolicyVersion::versionId)
          .ifPresent(
              oldest -> iot.deletePolicyVersion(r -> r.policyName(name).policyVersionId(oldest)));
    }
    iot.createPolicyVersion(
        r -> r.policyName(name).policyDocument(document(properties)).setAsDefault(true));
  }

  @Override
  public boolean exists(AppliedResource applied) {
    return Sdk.found(() -> iot.getPolicy(r -> r.policyName(applied.physicalId())));
  }

  @Override
  public void delete(AppliedResource applied) {
    String name = applied.physicalId();
    var versions = Sdk.orNull(() -> iot.listPolicyVersions(r -> r.policyName(name)));
    if (versions == null) {
      return;
    }
    // DeletePolicy refuses a policy that still has non-default versions.
    versions.policyVersions().stream()
        .filter(v -> !Boolean.TRUE.equals(v.isDefaultVersion()))
        .forEach(
            v ->
                Sdk.ignoringNotFound(
                    () ->
                        iot.deletePolicyVersion(
                            r -> r.policyName(name).policyVersionId(v.versionId()))));
    Sdk.ignoringNotFound(() -> iot.deletePolicy(r -> r.policyName(name)));
  }

  private static String document(JsonNode properties) {
    JsonNode document = properties.get("PolicyDocument");
    if (document == null) {
      throw new ApplyException("property PolicyDocument is required");
    }
    return document.isTextual() ? document.asText() : document.toString();
  }
}
