package dev.iotctl.local.provisioning;

import dev.iotctl.local.gateway.DeviceDirectory;
import dev.iotctl.local.gateway.DeviceRecord;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * The gateway's directory with just-in-time registration: lookups go to the registry's directory;
 * an unknown certificate from an auto-registration CA is registered (JITR) or provisioned (JITP)
 * and its first connection refused, as on AWS.
 */
final class ProvisioningDeviceDirectory implements DeviceDirectory {
  private final DeviceDirectory registry;
  private final JustInTimeRegistration jit;

  ProvisioningDeviceDirectory(DeviceDirectory registry, JustInTimeRegistration jit) {
    this.registry = registry;
    this.jit = jit;
  }

  @Override
  public Optional<DeviceRecord> findForConnection(String certificateId) {
    return registry.findForConnection(certificateId);
  }

  @Override
  public Optional<DeviceRecord> registerOnConnection(List<X509Certificate> chain) {
    jit.onFirstConnection(chain);
    return Optional.empty();
  }
}
