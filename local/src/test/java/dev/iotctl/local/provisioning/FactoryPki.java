package dev.iotctl.local.provisioning;

import dev.iotctl.core.pki.CertificateAuthority;
import dev.iotctl.core.pki.KeyPairs;
import dev.iotctl.core.pki.KeyType;
import dev.iotctl.core.pki.Pem;
import dev.iotctl.core.pki.TlsMaterial;
import dev.iotctl.local.gateway.NoDelaySocketFactory;
import dev.iotctl.local.gateway.TestPki;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509KeyManager;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** A factory's own CA and the devices it signs, and MQTT connections to a stand-in. */
final class FactoryPki {
  private FactoryPki() {}

  static CertificateAuthority ca(String name) {
    return CertificateAuthority.createNamed("CN=" + name + ",O=Acme Factory", KeyType.EC_P256);
  }

  /** AWS's private-key verification certificate: CN = the registration code, signed by the CA. */
  static String verificationCertificate(CertificateAuthority ca, String registrationCode) {
    KeyPair keys = KeyPairs.generate(KeyType.EC_P256);
    return Pem.toPem(
        ca.issueDeviceCertificate(keys.getPublic(), registrationCode, Duration.ofDays(1)));
  }

  static TestPki.Issued device(CertificateAuthority ca, String distinguishedName) {
    KeyPair keys = KeyPairs.generate(KeyType.EC_P256);
    return new TestPki.Issued(
        keys,
        ca.issueDeviceCertificateNamed(keys.getPublic(), distinguishedName, Duration.ofDays(2)));
  }

  /**
   * Connects over mutual TLS presenting {@code device} (and {@code chainCa} after it, when given);
   * throws the broker's refusal.
   */
  static MqttClient connect(
      Path dataDir, int port, TestPki.Issued device, CertificateAuthority chainCa, String clientId)
      throws MqttException {
    MqttClient client =
        new MqttClient("ssl://127.0.0.1:" + port, clientId, new MemoryPersistence());
    client.setTimeToWait(15_000);
    MqttConnectOptions options = new MqttConnectOptions();
    options.setSocketFactory(
        new NoDelaySocketFactory(
            clientContext(read(dataDir.resolve("pki/root-ca.pem")), device, chainCa)
                .getSocketFactory()));
    options.setCleanSession(true);
    // One attempt: by default Paho retries a refused 3.1.1 CONNECT as MQTT 3.1.
    options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
    options.setAutomaticReconnect(false);
    options.setConnectionTimeout(5);
    client.connect(options);
    return client;
  }

  /**
   * A TLS 1.2 context presenting the device's key and chain through a plain key manager: a PKCS#12
   * key store would run its password-based key encryption twice per device, which dominates a
   * thousand-device test on a shared machine.
   */
  static SSLContext clientContext(
      String rootCaPem, TestPki.Issued device, CertificateAuthority chainCa) {
    X509Certificate[] chain =
        chainCa == null
            ? new X509Certificate[] {device.certificate()}
            : new X509Certificate[] {device.certificate(), chainCa.certificate()};
    X509KeyManager keys =
        new X509ExtendedKeyManager() {
          @Override
          public String[] getClientAliases(String keyType, Principal[] issuers) {
            return new String[] {"device"};
          }

          @Override
          public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return "device";
          }

          @Override
          public String chooseEngineClientAlias(
              String[] keyType, Principal[] issuers, javax.net.ssl.SSLEngine engine) {
            return "device";
          }

          @Override
          public String[] getServerAliases(String keyType, Principal[] issuers) {
            return null;
          }

          @Override
          public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return null;
          }

          @Override
          public X509Certificate[] getCertificateChain(String alias) {
            return chain.clone();
          }

          @Override
          public PrivateKey getPrivateKey(String alias) {
            return device.keys().getPrivate();
          }
        };
    try {
      SSLContext context = SSLContext.getInstance("TLSv1.2");
      context.init(
          new KeyManager[] {keys},
          TRUST
              .computeIfAbsent(rootCaPem, pem -> TlsMaterial.trustManagers(pem))
              .getTrustManagers(),
          null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final Map<String, TrustManagerFactory> TRUST = new ConcurrentHashMap<>();

  /** The stand-in's operator identity, subscribed to {@code filter}; messages land in the queue. */
  static MqttClient watch(Path operatorDir, int port, String filter, BlockingQueue<String> into)
      throws MqttException {
    MqttClient client =
        new MqttClient("ssl://127.0.0.1:" + port, "iotctl-operator-watch", new MemoryPersistence());
    client.setTimeToWait(15_000);
    MqttConnectOptions options = new MqttConnectOptions();
    options.setSocketFactory(
        new NoDelaySocketFactory(
            TlsMaterial.clientContext(
                    read(operatorDir.resolve("root-ca.pem")),
                    read(operatorDir.resolve("certificate.pem.crt")),
                    read(operatorDir.resolve("private.pem.key")))
                .getSocketFactory()));
    options.setCleanSession(true);
    options.setConnectionTimeout(5);
    client.connect(options);
    client.subscribe(
        filter,
        1,
        (topic, message) ->
            into.add(topic + " " + new String(message.getPayload(), StandardCharsets.UTF_8)));
    return client;
  }

  static BlockingQueue<String> queue() {
    return new LinkedBlockingQueue<>();
  }

  static void closeAll(List<MqttClient> clients) {
    for (MqttClient c : clients) {
      try {
        if (c.isConnected()) {
          c.disconnectForcibly(500, 1000);
        }
        c.close(true);
      } catch (MqttException e) {
        // closing anyway
      }
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
