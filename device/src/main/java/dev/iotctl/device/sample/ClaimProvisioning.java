package dev.iotctl.device.sample;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotctl.core.pki.Csrs;
import dev.iotctl.core.pki.KeyPairs;
import dev.iotctl.core.pki.KeyType;
import dev.iotctl.core.pki.Pem;
import dev.iotctl.device.mqtt.DeviceConnection;
import dev.iotctl.device.mqtt.DeviceConnectionSettings;
import dev.iotctl.device.provisioning.FleetProvisioningClient;
import dev.iotctl.device.provisioning.FleetProvisioningClient.CreatedCertificate;
import dev.iotctl.device.provisioning.FleetProvisioningClient.RegisteredThing;
import dev.iotctl.device.tls.DeviceTls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Turns a claim into the device's own identity, once: connects with the claim certificate, makes a
 * key pair and a CSR on the device (the private key never leaves it), CreateCertificateFromCsr,
 * RegisterThing with the template, then stores the bundle where the sample reads its certificate
 * and key ({@code --cert}, {@code --private}, the key 0600) plus {@value #THING_FILE} beside the
 * certificate. A device that already holds its bundle skips all that.
 */
public final class ClaimProvisioning {
  /** Written last beside the certificate: its presence means the device is provisioned. */
  public static final String THING_FILE = "provisioned.json";

  private static final ObjectMapper JSON = new ObjectMapper();

  private ClaimProvisioning() {}

  /**
   * The configuration to run with: {@code config} with the device's own certificate and thing name,
   * provisioning it first if it has no bundle yet.
   */
  public static ShadowDeviceConfig provision(
      ShadowDeviceConfig config, ClaimSettings claim, Consumer<Step> steps) {
    Path marker = marker(config);
    try {
      if (Files.exists(marker)
          && Files.exists(config.certificate())
          && Files.exists(config.privateKey())) {
        String thing = JSON.readTree(marker.toFile()).path("thingName").asText();
        steps.accept(step(Step.Kind.CONNECTING, "already provisioned as " + thing));
        return withThing(config, thing);
      }
      steps.accept(
          step(Step.Kind.CONNECTING, "claim connection as client id " + config.deviceName()));
      KeyPair keys = KeyPairs.generate(KeyType.EC_P256);
      CreatedCertificate certificate;
      RegisteredThing thing;
      try (DeviceConnection connection =
          DeviceConnection.open(
              DeviceConnectionSettings.of(config.endpoint(), config.port(), config.deviceName())
                  .withKeepAlive(config.keepAlive()),
              DeviceTls.fromPemFiles(
                  config.rootCa(), claim.claimCertificate(), claim.claimKey()))) {
        FleetProvisioningClient client =
            new FleetProvisioningClient(connection, config.requestTimeout());
        certificate =
            client.createCertificateFromCsr(Csrs.toPem(Csrs.create(keys, config.deviceName())));
        steps.accept(step(Step.Kind.CONNECTED, "certificate " + certificate.certificateId()));
        thing =
            client.registerThing(
                claim.templateName(), certificate.certificateOwnershipToken(), claim.parameters());
      }
      if (thing.thingName() == null) {
        throw new IllegalStateException("the template provisioned no thing");
      }
      steps.accept(step(Step.Kind.APPLIED, "registered thing " + thing.thingName()));
      Pem.writePrivateKey(config.privateKey(), keys.getPrivate());
      Pem.writeAtomically(config.certificate(), certificate.certificatePem());
      ObjectNode provisioned = JSON.createObjectNode().put("thingName", thing.thingName());
      provisioned.put("certificateId", certificate.certificateId());
      Pem.writeAtomically(marker, provisioned.toString());
      return withThing(config, thing.thingName());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or write the device bundle", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot load the claim certificate", e);
    }
  }

  private static Path marker(ShadowDeviceConfig config) {
    Path parent = config.certificate().toAbsolutePath().getParent();
    return parent.resolve(THING_FILE);
  }

  private static ShadowDeviceConfig withThing(ShadowDeviceConfig c, String thing) {
    String topic =
        c.telemetryTopic().equals("devices/" + c.deviceName() + "/telemetry")
            ? "devices/" + thing + "/telemetry"
            : c.telemetryTopic();
    return new ShadowDeviceConfig(
        thing,
        c.endpoint(),
        c.port(),
        c.rootCa(),
        c.certificate(),
        c.privateKey(),
        c.shadowName(),
        c.shadowProperty(),
        c.initialWaitTime(),
        topic,
        c.count(),
        c.duration(),
        c.keepAlive(),
        c.requestTimeout());
  }

  private static Step step(Step.Kind kind, String message) {
    return new Step(Instant.now(), kind, message);
  }
}
