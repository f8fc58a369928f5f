package dev.iotctl.cli.local.apply;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * A resource as last applied to the stand-in.
 *
 * @param logicalId its key in the template
 * @param type its CloudFormation type
 * @param physicalId what {@code Ref} returns (name, certificate id, ...)
 * @param attributes what {@code Fn::GetAtt} returns ({@code Arn}, {@code Id}, ...)
 * @param properties its resolved properties when applied, to see what changed next time
 * @param dependsOn logical ids of this stack's resources it referred to, for removal order
 */
public record AppliedResource(
    String logicalId,
    String type,
    String physicalId,
    Map<String, String> attributes,
    JsonNode properties,
    List<String> dependsOn) {
  public AppliedResource {
    attributes = Map.copyOf(attributes);
    dependsOn = List.copyOf(dependsOn);
  }

  /** The kind; state files only ever hold applied (supported) types. */
  public ResourceKind kind() {
    return ResourceKind.of(type)
        .orElseThrow(() -> new ApplyException("unsupported type in applied state: " + type));
  }
}
