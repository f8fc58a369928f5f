package dev.iotctl.local;

import dev.iotctl.local.gateway.DeviceGateway;
import dev.iotctl.local.registry.CertificateStatus;
import dev.iotctl.local.registry.RegistryConfig;
import dev.iotctl.local.registry.RegistryListener;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Carries committed registry changes to live MQTT connections, as AWS does: a certificate made
 * INACTIVE or REVOKED (or deleted) is disconnected, and a change of attached policies, policy
 * versions, thing attachments or thing groups re-evaluates {@code iot:Connect} and the policies
 * used for publish, subscribe and receive. The gateway work runs on one background thread, so the
 * API call that made the change does not wait for it and changes apply in commit order.
 */
final class LiveConnectionUpdater implements RegistryListener, AutoCloseable {
  private final DeviceGateway gateway;
  private final String certificateArnPrefix;
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "registry-to-gateway");
            t.setDaemon(true);
            return t;
          });

  LiveConnectionUpdater(DeviceGateway gateway, RegistryConfig config) {
    this.gateway = gateway;
    this.certificateArnPrefix = config.arn("cert", "");
  }

  @Override
  public void certificateStatusChanged(String certificateId, CertificateStatus newStatus) {
    worker.execute(() -> gateway.certificateChanged(certificateId));
  }

  @Override
  public void certificateDeleted(String certificateId) {
    worker.execute(() -> gateway.certificateChanged(certificateId));
  }

  @Override
  public void policyAttachmentChanged(String targetArn) {
    // A certificate's own policies, or a thing group's (which reach every member's connection).
    String certificateId = certificateId(targetArn);
    worker.execute(() -> gateway.policiesChanged(certificateId));
  }

  @Override
  public void policyVersionChanged(String policyName) {
    worker.execute(() -> gateway.policiesChanged(null));
  }

  @Override
  public void thingPrincipalChanged(String thingName, String principalArn) {
    String certificateId = certificateId(principalArn);
    if (certificateId != null) {
      worker.execute(() -> gateway.certificateChanged(certificateId));
    }
  }

  @Override
  public void thingChanged(String thingName) {
    // Attributes, type and groups feed policy variables and group policies of any connection.
    worker.execute(() -> gateway.policiesChanged(null));
  }

  /** The certificate id in a certificate ARN of this account, or null for any other target. */
  private String certificateId(String arn) {
    return arn.startsWith(certificateArnPrefix)
        ? arn.substring(certificateArnPrefix.length())
        : null;
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }
}
