package dev.iotctl.core.provisioning;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an evaluated template asks for: at most one thing, at most one certificate, any number of
 * policies, and the device configuration returned to a device provisioned by fleet provisioning.
 */
public record ProvisioningPlan(
    Optional<ThingSpec> thing,
    Optional<CertificateSpec> certificate,
    List<PolicySpec> policies,
    Map<String, String> deviceConfiguration) {

  public ProvisioningPlan {
    policies = List.copyOf(policies);
    deviceConfiguration = Map.copyOf(deviceConfiguration);
  }

  /**
   * An {@code AWS::IoT::Thing}.
   *
   * @param attributes the attribute payload, absent when the template has none
   * @param overrides what to do with each property of an existing thing
   */
  public record ThingSpec(
      String logicalName,
      String thingName,
      Optional<Map<String, String>> attributes,
      Optional<String> thingTypeName,
      Optional<List<String>> thingGroups,
      Optional<String> billingGroup,
      Map<String, OverrideAction> overrides) {
    public ThingSpec {
      attributes = attributes.map(Map::copyOf);
      thingGroups = thingGroups.map(List::copyOf);
      overrides = Map.copyOf(overrides);
    }

    /** The action for a property of an existing thing; DO_NOTHING when the template names none. */
    public OverrideAction override(String property) {
      return overrides.getOrDefault(property, OverrideAction.DO_NOTHING);
    }
  }

  /**
   * An {@code AWS::IoT::Certificate}, given by exactly one of a CSR, the id of an existing
   * certificate, or a certificate PEM (with its CA's PEM when several registered CAs share its
   * issuer's name).
   *
   * @param status {@code ACTIVE} or {@code INACTIVE} (ACTIVE when the template names none)
   */
  public record CertificateSpec(
      String logicalName,
      Optional<String> certificateSigningRequest,
      Optional<String> certificateId,
      Optional<String> certificatePem,
      Optional<String> caCertificatePem,
      String status,
      OverrideAction statusOverride) {}

  /** An {@code AWS::IoT::Policy}: an existing policy's name, or a document to create. */
  public record PolicySpec(
      String logicalName, Optional<String> policyName, Optional<String> policyDocument) {}
}
