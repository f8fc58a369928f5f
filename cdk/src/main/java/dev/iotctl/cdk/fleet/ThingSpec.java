package dev.iotctl.cdk.fleet;

import java.util.List;
import java.util.Map;

/** One device: the thing, its type, groups and attributes, and the certificate it connects with. */
public record ThingSpec(
    String name,
    String type,
    List<String> groups,
    Map<String, String> attributes,
    String policy,
    CertificateSpec certificate) {
  public ThingSpec {
    Required.present(name, "name");
    groups = Required.list(groups);
    attributes = Required.map(attributes);
  }
}
