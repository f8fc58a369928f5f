package dev.iotctl.local;

import dev.iotctl.core.error.IotException;
import dev.iotctl.core.pki.CertificateAuthority;
import dev.iotctl.core.pki.Pem;
import dev.iotctl.core.policy.PolicyTemplate;
import dev.iotctl.local.gateway.NoDelaySocketFactory;
import dev.iotctl.local.gateway.TestPki;
import dev.iotctl.local.registry.CertificateMode;
import dev.iotctl.local.registry.CertificateStatus;
import dev.iotctl.local.registry.Registry;
import dev.iotctl.local.registry.ThingPrincipalType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Optional;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** Provisions devices in a stand-in's registry the way a fleet would be, and connects them. */
final class Devices {
  /** The shipped device policy ({@code policies/device.json}), registered under this name. */
  static final String DEVICE_POLICY = "iotctl-device";

  private Devices() {}

  /** The stand-in's CA, read back from {@code DIR/pki/}. */
  static CertificateAuthority ca(Path dataDir) {
    return CertificateAuthority.load(
        dataDir.resolve("pki/root-ca.pem"), dataDir.resolve("pki/root-ca.key"));
  }

  /**
   * A thing with a certificate from the stand-in's CA, registered ACTIVE, attached to the thing and
   * carrying the shipped device policy.
   */
  static TestPki.Issued provision(
      Path dataDir, Registry registry, String thing, String region, String account) {
    TestPki.Issued device = TestPki.device(ca(dataDir), thing);
    registry.things().create(thing, Optional.empty(), Map.of());
    registry
        .certificates()
        .register(
            device.certificatePem(),
            CertificateStatus.ACTIVE,
            CertificateMode.DEFAULT,
            Optional.empty());
    try {
      registry
          .policies()
          .create(DEVICE_POLICY, PolicyTemplate.render(shippedDevicePolicy(), region, account));
    } catch (IotException e) {
      if (!"ResourceAlreadyExistsException".equals(e.errorCode())) {
        throw e;
      }
    }
    String arn = certificateArn(region, account, device.id());
    registry.policies().attach(DEVICE_POLICY, arn);
    registry.thingPrincipals().attach(thing, arn, ThingPrincipalType.NON_EXCLUSIVE_THING);
    return device;
  }

  /**
   * A thing with a certificate from the stand-in's CA, registered ACTIVE, attached to the thing and
   * carrying the policy {@code policyName} (created with {@code document} unless it exists).
   */
  static TestPki.Issued provision(
      LocalIotCore core, String thing, String policyName, String document) {
    Registry registry = core.registry();
    TestPki.Issued device = TestPki.device(ca(core.config().dataDir()), thing);
    registry.things().create(thing, Optional.empty(), Map.of());
    registry
        .certificates()
        .register(
            device.certificatePem(),
            CertificateStatus.ACTIVE,
            CertificateMode.DEFAULT,
            Optional.empty());
    try {
      registry.policies().create(policyName, document);
    } catch (IotException e) {
      if (!"ResourceAlreadyExistsException".equals(e.errorCode())) {
        throw e;
      }
    }
    String arn = certificateArn(core.config().region(), core.config().accountId(), device.id());
    registry.policies().attach(policyName, arn);
    registry.thingPrincipals().attach(thing, arn, ThingPrincipalType.NON_EXCLUSIVE_THING);
    return device;
  }

  static TestPki.Issued provision(LocalIotCore core, String thing) {
    return provision(
        core.config().dataDir(),
        core.registry(),
        thing,
        core.config().region(),
        core.config().accountId());
  }

  static String certificateArn(String region, String account, String certificateId) {
    return "arn:aws:iot:" + region + ":" + account + ":cert/" + certificateId;
  }

  static String shippedDevicePolicy() {
    try {
      return Files.readString(Path.of("..", "policies", "device.json"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static X509Certificate rootCa(Path dataDir) {
    try {
      return Pem.parseCertificate(Files.readString(dataDir.resolve("pki/root-ca.pem")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A clean-session Paho connection over mTLS; throws the broker's refusal. */
  static MqttClient connect(Path dataDir, int port, TestPki.Issued device, String clientId)
      throws MqttException {
    MqttClient client =
        new MqttClient("ssl://127.0.0.1:" + port, clientId, new MemoryPersistence());
    client.setTimeToWait(15_000); // no blocking call waits forever
    MqttConnectOptions options = new MqttConnectOptions();
    options.setSocketFactory(
        new NoDelaySocketFactory(
            TestPki.clientContext(device, rootCa(dataDir)).getSocketFactory()));
    options.setCleanSession(true);
    options.setAutomaticReconnect(false);
    options.setConnectionTimeout(5);
    client.connect(options);
    return client;
  }

  static void closeQuietly(MqttClient client) {
    try {
      if (client.isConnected()) {
        // Bounded: a plain disconnect() can wait forever once the broker has vanished (kill -9).
        client.disconnectForcibly(500, 1000);
      }
      client.close(true);
    } catch (MqttException ignored) {
      // already gone
    }
  }
}
