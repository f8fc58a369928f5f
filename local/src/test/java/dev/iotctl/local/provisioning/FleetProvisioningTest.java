package dev.iotctl.local.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iotctl.core.pki.Csrs;
import dev.iotctl.core.pki.KeyPairs;
import dev.iotctl.core.pki.KeyType;
import dev.iotctl.core.pki.Pem;
import dev.iotctl.local.gateway.TestPki;
import dev.iotctl.local.http.AwsClients;
import dev.iotctl.local.http.HttpApiConfig;
import dev.iotctl.local.http.StandIn;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.CertificateStatus;

/** The device provisioning MQTT API on a real stand-in, devices on Paho over TLS. */
class FleetProvisioningTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String TEMPLATE = "factory";
  static final String CSR_TOPIC = "$aws/certificates/create-from-csr/json";
  static final String PROVISION = "$aws/provisioning-templates/" + TEMPLATE + "/provision/json";

  @TempDir Path dir;
  StandIn standIn;
  IotClient iot;
  TestPki.Issued claim;
  final List<MqttClient> clients = new ArrayList<>();

  @BeforeEach
  void start() {
    standIn = new StandIn(dir, HttpApiConfig.defaults());
    iot = AwsClients.iot(standIn.url());
    claim = ClaimFixture.setUp(standIn, iot, TEMPLATE);
  }

  @AfterEach
  void stop() {
    FactoryPki.closeAll(clients);
    iot.close();
    standIn.close();
  }

  private MqttClient connect(TestPki.Issued identity, String clientId) throws MqttException {
    MqttClient client = FactoryPki.connect(dir, standIn.mqttPort(), identity, null, clientId);
    clients.add(client);
    return client;
  }

  /** Subscribes to the reply topics, publishes, returns "accepted {json}" or "rejected {json}". */
  private static String request(MqttClient client, String topic, String payload) throws Exception {
    BlockingQueue<String> replies = FactoryPki.queue();
    client.subscribe(
        new String[] {topic + "/accepted", topic + "/rejected"},
        new int[] {1, 1},
        new org.eclipse.paho.client.mqttv3.IMqttMessageListener[] {
          (t, m) -> replies.add("accepted " + new String(m.getPayload(), StandardCharsets.UTF_8)),
          (t, m) -> replies.add("rejected " + new String(m.getPayload(), StandardCharsets.UTF_8))
        });
    client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false);
    String reply = replies.poll(20, TimeUnit.SECONDS);
    client.unsubscribe(new String[] {topic + "/accepted", topic + "/rejected"});
    assertThat(reply).as("reply on " + topic).isNotNull();
    return reply;
  }

  private static JsonNode body(String reply) throws Exception {
    return JSON.readTree(reply.substring(reply.indexOf(' ') + 1));
  }

  @Test
  void claimToOwnCertificateWithACsrTheKeyNeverLeavesTheDevice() throws Exception {
    MqttClient provisioning = connect(claim, "factory-claim-1");
    KeyPair keys = KeyPairs.generate(KeyType.EC_P256);
    String csr = Csrs.toPem(Csrs.create(keys, "device-0001"));

    String created =
        request(
            provisioning,
            CSR_TOPIC,
            JSON.createObjectNode().put("certificateSigningRequest", csr).toString());
    assertThat(created).startsWith("accepted ");
    JsonNode certificate = body(created);
    String id = certificate.get("certificateId").asText();
    assertThat(certificate.has("privateKey")).isFalse();
    assertThat(iot.describeCertificate(b -> b.certificateId(id)).certificateDescription().status())
        .isEqualTo(CertificateStatus.PENDING_ACTIVATION);

    String registered =
        request(
            provisioning,
            PROVISION,
            "{\"certificateOwnershipToken\":\""
                + certificate.get("certificateOwnershipToken").asText()
                + "\",\"parameters\":{\"SerialNumber\":\"0001\"}}");
    assertThat(registered).startsWith("accepted ");
    assertThat(body(registered).get("thingName").asText()).isEqualTo("device-0001");
    assertThat(body(registered).get("deviceConfiguration").get("Fleet").asText())
        .isEqualTo("factory-1");
    assertThat(iot.describeCertificate(b -> b.certificateId(id)).certificateDescription().status())
        .isEqualTo(CertificateStatus.ACTIVE);

    // The token is spent.
    String again =
        request(
            provisioning,
            PROVISION,
            "{\"certificateOwnershipToken\":\""
                + certificate.get("certificateOwnershipToken").asText()
                + "\",\"parameters\":{\"SerialNumber\":\"0001\"}}");
    assertThat(body(again).get("errorCode").asText()).isEqualTo("InvalidCertificateOwnershipToken");

    TestPki.Issued own =
        new TestPki.Issued(keys, Pem.parseCertificate(certificate.get("certificatePem").asText()));
    MqttClient device = connect(own, "device-0001");
    device.publish("telemetry/device-0001", "{}".getBytes(StandardCharsets.UTF_8), 1, false);
    assertThat(device.isConnected()).isTrue();
  }

  @Test
  void createKeysAndCertificateReturnsAKeyAndRepliesReachOnlyTheRequester() throws Exception {
    MqttClient first = connect(claim, "factory-claim-a");
    MqttClient second = connect(claim, "factory-claim-b");
    BlockingQueue<String> overheard = FactoryPki.queue();
    second.subscribe("$aws/certificates/create/json/accepted", 1, (t, m) -> overheard.add(t));

    String created = request(first, "$aws/certificates/create/json", "");
    assertThat(created).startsWith("accepted ");
    JsonNode body = body(created);
    assertThat(body.get("privateKey").asText()).startsWith("-----BEGIN RSA PRIVATE KEY-----");
    assertThat(body.get("certificateOwnershipToken").asText()).isNotBlank();
    assertThat(overheard.poll(1, TimeUnit.SECONDS)).isNull();
  }

  @Test
  void rejectionsCarryAwsErrorShapes() throws Exception {
    MqttClient provisioning = connect(claim, "factory-claim-err");
    JsonNode empty = body(request(provisioning, PROVISION, "{\"parameters\":{}}"));
    assertThat(empty.get("statusCode").asInt()).isEqualTo(400);
    assertThat(empty.get("errorCode").asText()).isEqualTo("InvalidCertificateOwnershipToken");
    assertThat(empty.get("errorMessage").asText())
        .isEqualTo("Certificate ownership token cannot be empty.");

    JsonNode bogus =
        body(request(provisioning, PROVISION, "{\"certificateOwnershipToken\":\"forged\"}"));
    assertThat(bogus.get("errorCode").asText()).isEqualTo("InvalidCertificateOwnershipToken");

    JsonNode notJson = body(request(provisioning, CSR_TOPIC, "not json"));
    assertThat(notJson.get("errorCode").asText()).isEqualTo("InvalidPayload");

    JsonNode badCsr =
        body(request(provisioning, CSR_TOPIC, "{\"certificateSigningRequest\":\"nope\"}"));
    assertThat(badCsr.get("statusCode").asInt()).isEqualTo(400);

    // A missing template parameter: the pending certificate stays pending, nothing else made.
    JsonNode created = body(request(provisioning, "$aws/certificates/create/json", ""));
    String reply =
        request(
            provisioning,
            PROVISION,
            "{\"certificateOwnershipToken\":\""
                + created.get("certificateOwnershipToken").asText()
                + "\",\"parameters\":{}}");
    assertThat(reply).startsWith("rejected ");
    assertThat(body(reply).get("errorCode").asText()).isEqualTo("InvalidParameters");
    assertThat(iot.listThings(b -> {}).things()).isEmpty();

    iot.updateProvisioningTemplate(b -> b.templateName(TEMPLATE).enabled(false));
    String disabled =
        request(
            provisioning,
            PROVISION,
            "{\"certificateOwnershipToken\":\""
                + created.get("certificateOwnershipToken").asText()
                + "\",\"parameters\":{\"SerialNumber\":\"9\"}}");
    assertThat(disabled).startsWith("rejected ");
  }

  @Test
  void theClaimCertificateCanDoNothingElse() throws Exception {
    MqttClient provisioning = connect(claim, "factory-claim-x");
    // Not another template's topic, not a shadow, not telemetry.
    assertThat(
            provisioning.subscribeWithResponse("$aws/things/device-0001/shadow/get/accepted")
                .getGrantedQos()[0])
        .isEqualTo(0x80);
    assertThatThrownBy(
            () -> {
              provisioning.publish("telemetry/device-0001", new byte[] {1}, 1, false);
              connect(claim, "factory-claim-x2").publish("telemetry/x", new byte[] {1}, 1, false);
            })
        .isInstanceOf(MqttException.class);
  }

  @Test
  void aPreProvisioningHookAllowListDecides() throws Exception {
    java.nio.file.Files.createDirectories(dir.resolve("hooks"));
    java.nio.file.Files.writeString(
        dir.resolve("hooks/approve.json"),
        "{\"allow\":{\"SerialNumber\":[\"0042\"]},\"parameterOverrides\":{}}");
    iot.updateProvisioningTemplate(
        b ->
            b.templateName(TEMPLATE)
                .preProvisioningHook(
                    h -> h.targetArn("arn:aws:lambda:us-east-1:123456789012:function:approve")));
    MqttClient provisioning = connect(claim, "factory-claim-h");

    JsonNode denied = provision(provisioning, "0043");
    assertThat(denied.get("statusCode").asInt()).isEqualTo(403);
    assertThat(denied.get("errorCode").asText()).isEqualTo("AccessDenied");
    assertThat(provision(provisioning, "0042").get("thingName").asText()).isEqualTo("device-0042");
  }

  private JsonNode provision(MqttClient client, String serial) throws Exception {
    JsonNode created = body(request(client, "$aws/certificates/create/json", ""));
    return body(
        request(
            client,
            PROVISION,
            "{\"certificateOwnershipToken\":\""
                + created.get("certificateOwnershipToken").asText()
                + "\",\"parameters\":{\"SerialNumber\":\""
                + serial
                + "\"}}"));
  }
}
