package dev.iotctl.local.provisioning;

import dev.iotctl.core.pki.CertificateAuthority;
import dev.iotctl.local.gateway.DeviceDirectory;
import dev.iotctl.local.gateway.DevicePublishListener;
import dev.iotctl.local.registry.Registry;
import dev.iotctl.local.registry.RegistryConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;

/**
 * Provisioning at factory scale on the stand-in: your own CA certificates, just-in-time
 * registration and provisioning, provisioning templates and RegisterThing. State lives in {@code
 * DIR/provisioning.db}; the things, certificates and policies it makes go to the registry.
 */
public final class ProvisioningService implements AutoCloseable {
  private final ProvisioningStore store;
  private final ProvisioningTemplateRegistry templates;
  private final CaCertificateRegistry caCertificates;
  private final TemplateProvisioner provisioner;
  private final JustInTimeRegistration jit;
  private final FleetProvisioningMqtt fleet;
  private final ThingRegistrationTasks registrationTasks;
  private final ExecutorService events =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "provisioning-events");
            t.setDaemon(true);
            return t;
          });

  private ProvisioningService(
      Path dataDir,
      ProvisioningStore store,
      Registry registry,
      CertificateAuthority standInCa,
      Clock clock) {
    this.store = store;
    this.templates = new ProvisioningTemplateRegistry(store);
    this.caCertificates = new CaCertificateRegistry(store, registry.certificates(), templates);
    this.provisioner = new TemplateProvisioner(registry, caCertificates, standInCa, clock);
    this.jit =
        new JustInTimeRegistration(
            registry, caCertificates, templates, provisioner, store.account().accountId(), clock);
    this.fleet =
        new FleetProvisioningMqtt(
            registry, standInCa, templates, provisioner, new PreProvisioningHooks(dataDir), clock);
    this.registrationTasks = new ThingRegistrationTasks(store, registry, provisioner, dataDir);
  }

  /** Opens {@code DIR/provisioning.db} beside the registry. */
  public static ProvisioningService open(
      Path dataDir,
      Registry registry,
      RegistryConfig account,
      CertificateAuthority standInCa,
      Clock clock) {
    return new ProvisioningService(
        dataDir, ProvisioningStore.open(dataDir, account, clock), registry, standInCa, clock);
  }

  /**
   * The gateway's directory: {@code registry}'s lookups plus just-in-time registration of
   * certificates from auto-registration CAs.
   */
  public DeviceDirectory deviceDirectory(DeviceDirectory registryDirectory) {
    return new ProvisioningDeviceDirectory(registryDirectory, jit);
  }

  /**
   * Where service messages ({@code $aws/events/certificates/registered/…}) are published; they are
   * handed off to a thread of their own, never published from a handshake.
   */
  public void publishVia(BiConsumer<String, byte[]> publisher) {
    jit.publishVia((topic, payload) -> events.execute(() -> publisher.accept(topic, payload)));
  }

  /**
   * The device provisioning MQTT API, fed the devices' {@code $aws/} publishes; replies go through
   * {@code replies} to the requesting client only.
   */
  public DevicePublishListener fleetProvisioning(FleetProvisioningMqtt.Replies replies) {
    fleet.replyVia(replies);
    return fleet;
  }

  /** Bulk registration tasks. */
  public ThingRegistrationTasks registrationTasks() {
    return registrationTasks;
  }

  public CaCertificateRegistry caCertificates() {
    return caCertificates;
  }

  public ProvisioningTemplateRegistry templates() {
    return templates;
  }

  public TemplateProvisioner provisioner() {
    return provisioner;
  }

  @Override
  public void close() {
    fleet.close();
    registrationTasks.close();
    events.shutdown();
    store.close();
  }
}
