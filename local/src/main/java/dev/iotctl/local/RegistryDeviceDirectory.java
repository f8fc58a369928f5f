package dev.iotctl.local;

import dev.iotctl.local.gateway.DeviceDirectory;
import dev.iotctl.local.gateway.DeviceRecord;
import dev.iotctl.local.registry.CertificateRegistry;
import dev.iotctl.local.registry.DeviceIdentity;
import java.util.List;
import java.util.Optional;

/** The gateway's view of the registry: the registry's cached connection lookup, translated. */
final class RegistryDeviceDirectory implements DeviceDirectory {
  private final CertificateRegistry certificates;

  RegistryDeviceDirectory(CertificateRegistry certificates) {
    this.certificates = certificates;
  }

  @Override
  public Optional<DeviceRecord> findForConnection(String certificateId) {
    return certificates.findForConnection(certificateId).map(RegistryDeviceDirectory::toRecord);
  }

  private static DeviceRecord toRecord(DeviceIdentity identity) {
    return new DeviceRecord(
        identity.certificateId(),
        identity.status().name(),
        policies(identity.policies()),
        identity.things().stream()
            .map(
                t ->
                    new DeviceRecord.Thing(
                        t.name(),
                        t.typeName().orElse(null),
                        t.attributes(),
                        policies(t.groupPolicies())))
            .toList());
  }

  private static List<DeviceRecord.Policy> policies(List<DeviceIdentity.AttachedPolicy> attached) {
    return attached.stream().map(p -> new DeviceRecord.Policy(p.name(), p.document())).toList();
  }
}
