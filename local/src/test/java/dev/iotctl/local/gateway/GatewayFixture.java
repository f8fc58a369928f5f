package dev.iotctl.local.gateway;

import dev.iotctl.core.pki.CertificateAuthority;
import java.util.List;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** A started gateway with a stand-in CA, an in-memory directory and Paho clients. */
final class GatewayFixture implements AutoCloseable {
  static final String REGION = "us-east-1";
  static final String ACCOUNT = "123456789012";

  final CertificateAuthority ca = TestPki.ca("iotctl test CA");
  final TestPki.Issued server = TestPki.server(ca);
  final InMemoryDirectory directory = new InMemoryDirectory();
  final DeviceGateway gateway;

  GatewayFixture() throws Exception {
    this(new PolicyAuthorizer(REGION, ACCOUNT));
  }

  GatewayFixture(GatewayAuthorizer authorizer) throws Exception {
    gateway =
        DeviceGateway.start(
            new GatewayConfig(
                0, REGION, ACCOUNT, server.keys().getPrivate(), List.of(server.certificate())),
            directory,
            authorizer);
  }

  /** A device certificate signed by the stand-in CA, registered ACTIVE with {@code policy}. */
  TestPki.Issued registeredDevice(String policy, String... things) {
    TestPki.Issued device = TestPki.device(ca, things.length > 0 ? things[0] : "device");
    directory.register(device, policy, things);
    return device;
  }

  String uri() {
    return "ssl://127.0.0.1:" + gateway.port();
  }

  /** Connects with a clean session; throws the broker's refusal. */
  MqttClient connect(TestPki.Issued device, String clientId) throws MqttException {
    MqttClient client = new MqttClient(uri(), clientId, new MemoryPersistence());
    client.setTimeToWait(15_000); // no blocking call waits forever
    MqttConnectOptions options = new MqttConnectOptions();
    options.setSocketFactory(
        new NoDelaySocketFactory(
            TestPki.clientContext(device, ca.certificate()).getSocketFactory()));
    options.setCleanSession(true);
    options.setAutomaticReconnect(false);
    options.setConnectionTimeout(5);
    options.setKeepAliveInterval(30);
    options.setMaxInflight(1000);
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

  @Override
  public void close() {
    gateway.close();
  }
}
