package dev.iotctl.local.registry;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a connection needs to know about the certificate it presented: status, the policies
 * attached to it and the things attached to it.
 */
public record DeviceIdentity(
    String certificateId,
    CertificateStatus status,
    List<AttachedPolicy> policies,
    List<AttachedThing> things) {
  public DeviceIdentity {
    policies = List.copyOf(policies);
    things = List.copyOf(things);
  }

  /** Only an ACTIVE certificate may connect. */
  public boolean isActive() {
    return status == CertificateStatus.ACTIVE;
  }

  /** A policy's name and the document of its current default version. */
  public record AttachedPolicy(String name, String document) {}

  /**
   * A thing attached to the certificate.
   *
   * @param groupPolicies the policies attached to the thing's groups and their ancestors, which AWS
   *     applies when the connection's client id is this thing's name
   */
  public record AttachedThing(
      String name,
      Optional<String> typeName,
      Map<String, String> attributes,
      List<AttachedPolicy> groupPolicies) {
    public AttachedThing {
      attributes = Map.copyOf(attributes);
      groupPolicies = List.copyOf(groupPolicies);
    }
  }
}
