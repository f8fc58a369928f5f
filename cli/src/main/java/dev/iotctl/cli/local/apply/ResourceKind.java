package dev.iotctl.cli.local.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/**
 * The resource types {@code local apply} creates, with what CloudFormation says about them: the
 * property that names the resource (CloudFormation generates a name when it is absent), the
 * properties whose change requires replacement, and the order in which removals run.
 */
public enum ResourceKind {
  THING_TYPE(
      "AWS::IoT::ThingType",
      "ThingTypeName",
      Set.of("ThingTypeName", "ThingTypeProperties"),
      false,
      8),
  THING_GROUP(
      "AWS::IoT::ThingGroup",
      "ThingGroupName",
      Set.of("ThingGroupName", "ParentGroupName", "QueryString"),
      false,
      7),
  POLICY("AWS::IoT::Policy", "PolicyName", Set.of("PolicyName"), false, 6),
  CERTIFICATE(
      "AWS::IoT::Certificate",
      null,
      Set.of("CertificateSigningRequest", "CertificatePem", "CACertificatePem", "CertificateMode"),
      false,
      5),
  THING("AWS::IoT::Thing", "ThingName", Set.of("ThingName"), false, 4),
  TOPIC_RULE("AWS::IoT::TopicRule", "RuleName", Set.of("RuleName"), false, 3),
  /** Things' types, attributes and groups (see cdk/README.md); applied by the Python handler. */
  THING_BINDINGS("Custom::IotctlThingBindings", null, Set.of(), false, 2),
  /** Detaches policies and clears thing types the core stops declaring; the Python handler. */
  REMOVAL_GUARD("Custom::IotctlRemovalGuard", null, Set.of(), false, 2),
  THING_PRINCIPAL_ATTACHMENT("AWS::IoT::ThingPrincipalAttachment", null, Set.of(), true, 1),
  POLICY_PRINCIPAL_ATTACHMENT("AWS::IoT::PolicyPrincipalAttachment", null, Set.of(), true, 1);

  /** What applying a changed template does to an existing resource. */
  public enum Change {
    UNCHANGED,
    UPDATE,
    REPLACE
  }

  private final String cfnType;
  private final String nameProperty;
  private final Set<String> replacementProperties;
  private final boolean replaceOnAnyChange;
  private final int removalRank;

  ResourceKind(
      String cfnType,
      String nameProperty,
      Set<String> replacementProperties,
      boolean replaceOnAnyChange,
      int removalRank) {
    this.cfnType = cfnType;
    this.nameProperty = nameProperty;
    this.replacementProperties = replacementProperties;
    this.replaceOnAnyChange = replaceOnAnyChange;
    this.removalRank = removalRank;
  }

  /** The kind for a CloudFormation type, or empty when local apply skips that type. */
  public static Optional<ResourceKind> of(String cfnType) {
    for (ResourceKind kind : values()) {
      if (kind.cfnType.equals(cfnType)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }

  public String cfnType() {
    return cfnType;
  }

  /** Whether iotctl's custom-resource handler applies this kind (it has a ServiceToken). */
  public boolean isCustom() {
    return cfnType.startsWith("Custom::");
  }

  /**
   * Lower runs earlier when removing: attachments before what they attach, things before their
   * type.
   */
  public int removalRank() {
    return removalRank;
  }

  /** Compares the resolved properties last applied with the resolved properties now wanted. */
  public Change decide(JsonNode applied, JsonNode wanted) {
    if (applied.equals(wanted)) {
      return Change.UNCHANGED;
    }
    if (replaceOnAnyChange) {
      return Change.REPLACE;
    }
    for (String property : replacementProperties) {
      if (!applied.path(property).equals(wanted.path(property))) {
        return Change.REPLACE;
      }
    }
    return Change.UPDATE;
  }

  /**
   * The resource's name: its name property, or the one CloudFormation would generate ({@code
   * Stack-LogicalId-HASH}, stable here so that re-applying finds the same resource). Null for kinds
   * whose physical id the service assigns or that have no name.
   */
  public String physicalName(String stackName, String logicalId, JsonNode properties) {
    if (nameProperty == null) {
      return null;
    }
    JsonNode name = properties.path(nameProperty);
    if (!(name instanceof MissingNode) && name.isTextual()) {
      return name.asText();
    }
    String suffix = hash(stackName + "/" + logicalId).substring(0, 12).toUpperCase();
    String base = stackName + "-" + logicalId;
    base = base.substring(0, Math.min(base.length(), 128 - suffix.length() - 1));
    String generated = base + "-" + suffix;
    // Rule names allow only [a-zA-Z0-9_].
    return this == TOPIC_RULE ? generated.replaceAll("[^a-zA-Z0-9_]", "_") : generated;
  }

  private static String hash(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
