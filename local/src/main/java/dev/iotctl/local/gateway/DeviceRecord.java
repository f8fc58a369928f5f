package dev.iotctl.local.gateway;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A registered certificate as seen by a connection.
 *
 * @param certificateId SHA-256 of the certificate's DER, lower-case hex (AWS's certificate id)
 * @param status AWS's certificate status, e.g. {@code ACTIVE}, {@code INACTIVE}, {@code REVOKED}
 * @param policies the policies attached to the certificate
 * @param things the things attached to the certificate
 */
public record DeviceRecord(
    String certificateId, String status, List<Policy> policies, List<Thing> things) {

  public DeviceRecord {
    policies = List.copyOf(policies);
    things = List.copyOf(things);
  }

  /** Only an {@code ACTIVE} certificate may connect. */
  public boolean isActive() {
    return "ACTIVE".equals(status);
  }

  /** The attached thing of that name, if the client id names one. */
  public Optional<Thing> attachedThing(String thingName) {
    return things.stream().filter(t -> t.name().equals(thingName)).findFirst();
  }

  /** A policy attached to the certificate: its name and its current default version's document. */
  public record Policy(String name, String document) {}

  /**
   * A thing attached to the certificate.
   *
   * @param typeName the thing type, or null
   * @param groupPolicies the policies of the thing's groups (and their ancestors), which apply only
   *     when the connection's client id is this thing's name
   */
  public record Thing(
      String name, String typeName, Map<String, String> attributes, List<Policy> groupPolicies) {
    public Thing {
      attributes = Map.copyOf(attributes);
      groupPolicies = List.copyOf(groupPolicies);
    }
  }
}
