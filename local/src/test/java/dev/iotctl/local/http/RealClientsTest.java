package dev.iotctl.local.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iotctl.core.pki.Pem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iot.IotClient;

/**
 * Debian's AWS CLI v2 ({@code /usr/bin/aws}) and boto3 against the stand-in: a full provisioning
 * flow, AWS's error names, pagination, then a device connecting over MQTT with the certificate and
 * key the CLI wrote.
 */
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
    Path work = Files.createDirectories(dir.resolve("cli"));
    Path script = resource("aws-cli-flow.sh");
    Result result =
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
    Result result =
        run(
            List.of(
                "/usr/bin/python3",
                resource("boto3-flow.py").toString(),
                standIn.url().toString()));
    assertThat(result.output()).as(result.output()).contains("BOTO3 OK");
    assertThat(result.exitCode()).isZero();
  }

  record Result(int exitCode, String output) {}

  private static Result run(List<String> command) throws IOException, InterruptedException {
    ProcessBuilder process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
    Path home = Files.createDirectories(dir.resolve("home"));
    Map<String, String> env = process.environment();
    env.put("HOME", home.toString());
    env.put("AWS_ACCESS_KEY_ID", "dummy");
    env.put("AWS_SECRET_ACCESS_KEY", "dummy");
    env.put("AWS_DEFAULT_REGION", "us-east-1");
    env.put("AWS_EC2_METADATA_DISABLED", "true");
    env.put("AWS_PAGER", "");
    env.put("AWS_CONFIG_FILE", home.resolve("config").toString());
    env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("credentials").toString());
    env.put("PYTHONPATH", "");
    Process p = process.start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
    }
    return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }

  private static Path resource(String name) throws Exception {
    return Path.of(RealClientsTest.class.getResource("/" + name).toURI());
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
