package dev.iotctl.local.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iotctl.core.pki.Pem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iot.IotClient;

/**
 * Debian's AWS CLI v2 ({@code /usr/bin/aws}) and boto3 against the stand-in: a full provisioning
 * flow, AWS's error names, pagination, then a device connecting over MQTT with the certificate and
 * key the CLI wrote.
 */
@Tag("peers")
class RealClientsTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  static StandIn standIn;

  @BeforeAll
  static void start() throws Exception {
    standIn = new StandIn(dir.resolve("data"), HttpApiConfig.defaults());
    try (IotClient iot = AwsClients.iot(standIn.url())) {
      for (int i = 0; i < 250; i++) {
        String name = String.format("bulk-%03d", i);
        iot.createThing(b -> b.thingName(name));
      }
    }
  }

  @AfterAll
  static void stop() {
    standIn.close();
  }

  @Test
  void awsCliProvisioningFlowThenTheDeviceConnects() throws Exception {
    PeerScripts.assumeAwsCli();
    Path work = Files.createDirectories(dir.resolve("cli"));
    Path script = resource("aws-cli-flow.sh");
    PeerScripts.Result result =
        run(
            List.of(
                "bash",
                script.toString(),
                standIn.url().toString(),
                work.toString(),
                Path.of("..", "policies").toAbsolutePath().normalize().toString()));
    assertThat(result.output()).as(result.output()).contains("FLOW OK");
    assertThat(result.exitCode()).isZero();

    MqttClient device = connect(work.resolve("cert.pem"), work.resolve("key.pem"), "dev1");
    try {
      Map<String, String> inbox = new ConcurrentHashMap<>();
      device.subscribe(
          "$aws/things/dev1/shadow/update/accepted",
          1,
          (t, m) -> inbox.put(t, new String(m.getPayload(), StandardCharsets.UTF_8)));
      device.publish(
          "$aws/things/dev1/shadow/update",
          "{\"state\":{\"reported\":{\"on\":false}}}".getBytes(StandardCharsets.UTF_8),
          1,
          false);
      await().atMost(Duration.ofSeconds(10)).until(() -> inbox.size() == 1);
      assertThat(
              JSON.readTree(inbox.values().iterator().next()).at("/state/reported/on").asBoolean())
          .isFalse();
    } finally {
      device.disconnect();
      device.close();
    }
  }

  @Test
  void boto3CreatesDescribesAndRaisesModelledErrors() throws Exception {
    PeerScripts.assumeBoto3();
    PeerScripts.Result result =
        PeerScripts.python(dir.resolve("home"), "boto3-flow.py", standIn.url().toString());
    assertThat(result.output()).as(result.output()).contains("BOTO3 OK");
    assertThat(result.exitCode()).isZero();
  }

  private static PeerScripts.Result run(List<String> command) {
    return PeerScripts.run(dir.resolve("home"), command);
  }

  private static Path resource(String name) {
    return PeerScripts.resource(name);
  }

  private static MqttClient connect(Path certPem, Path keyPem, String clientId) throws Exception {
    X509Certificate cert = Pem.parseCertificate(Files.readString(certPem));
    KeyStore keys = KeyStore.getInstance("PKCS12");
    keys.load(null, null);
    keys.setKeyEntry(
        "device",
        Pem.parsePrivateKey(Files.readString(keyPem)),
        new char[0],
        new Certificate[] {cert});
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, new char[0]);
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("ca", standIn.ca().certificate());
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext tls = SSLContext.getInstance("TLSv1.2");
    tls.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
    MqttClient client =
        new MqttClient("ssl://127.0.0.1:" + standIn.mqttPort(), clientId, new MemoryPersistence());
    client.setTimeToWait(15_000); // no blocking call waits forever
    MqttConnectOptions options = new MqttConnectOptions();
    options.setSocketFactory(tls.getSocketFactory());
    options.setCleanSession(true);
    options.setConnectionTimeout(10);
    client.connect(options);
    return client;
  }
}
