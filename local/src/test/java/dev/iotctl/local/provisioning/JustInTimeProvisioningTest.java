package dev.iotctl.local.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iotctl.core.pki.CertificateAuthority;
import dev.iotctl.core.pki.Pem;
import dev.iotctl.local.gateway.TestPki;
import dev.iotctl.local.http.AwsClients;
import dev.iotctl.local.http.HttpApiConfig;
import dev.iotctl.local.http.StandIn;
import java.nio.file.Path;
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

/** Just-in-time registration and provisioning on a real stand-in, devices on real TLS. */
class JustInTimeProvisioningTest {
  static final ObjectMapper JSON = new ObjectMapper();

  /** AWS's JITP example, with a policy that lets the device connect as its thing and publish. */
  static final String JITP_TEMPLATE =
      """
      {"Parameters":{
         "AWS::IoT::Certificate::CommonName":{"Type":"String"},
         "AWS::IoT::Certificate::SerialNumber":{"Type":"String"},
         "AWS::IoT::Certificate::Id":{"Type":"String"}},
       "Resources":{
         "thing":{"Type":"AWS::IoT::Thing","Properties":{
           "ThingName":{"Ref":"AWS::IoT::Certificate::CommonName"},
           "AttributePayload":{"version":"v1","serialNumber":{"Ref":"AWS::IoT::Certificate::SerialNumber"}}}},
         "certificate":{"Type":"AWS::IoT::Certificate","Properties":{
           "CertificateId":{"Ref":"AWS::IoT::Certificate::Id"},"Status":"ACTIVE"},
           "OverrideSettings":{"Status":"DO_NOTHING"}},
         "policy":{"Type":"AWS::IoT::Policy","Properties":{"PolicyDocument":
           "{\\"Version\\":\\"2012-10-17\\",\\"Statement\\":[{\\"Effect\\":\\"Allow\\",\\"Action\\":\\"iot:Connect\\",\\"Resource\\":\\"arn:aws:iot:us-east-1:123456789012:client/${iot:Connection.Thing.ThingName}\\"},{\\"Effect\\":\\"Allow\\",\\"Action\\":\\"iot:Publish\\",\\"Resource\\":\\"arn:aws:iot:us-east-1:123456789012:topic/telemetry/${iot:Connection.Thing.ThingName}\\"}]}"}}}}
      """;

  @TempDir Path dir;
  StandIn standIn;
  IotClient iot;
  final List<MqttClient> clients = new ArrayList<>();
  final CertificateAuthority factoryCa = FactoryPki.ca("Factory CA");

  @BeforeEach
  void start() {
    standIn = new StandIn(dir, HttpApiConfig.defaults());
    iot = AwsClients.iot(standIn.url());
  }

  @AfterEach
  void stop() {
    FactoryPki.closeAll(clients);
    iot.close();
    standIn.close();
  }

  private String registerCa(boolean autoRegistration, String templateBody) {
    String code = iot.getRegistrationCode(b -> {}).registrationCode();
    return iot.registerCACertificate(
            b -> {
              b.caCertificate(Pem.toPem(factoryCa.certificate()))
                  .verificationCertificate(FactoryPki.verificationCertificate(factoryCa, code))
                  .setAsActive(true)
                  .allowAutoRegistration(autoRegistration);
              if (templateBody != null) {
                b.registrationConfig(
                    c ->
                        c.templateBody(templateBody)
                            .roleArn("arn:aws:iam::123456789012:role/JITP"));
              }
            })
        .certificateId();
  }

  private MqttClient connect(TestPki.Issued device, CertificateAuthority chainCa, String clientId)
      throws MqttException {
    MqttClient client = FactoryPki.connect(dir, standIn.mqttPort(), device, chainCa, clientId);
    clients.add(client);
    return client;
  }

  @Test
  void jitrRegistersPendingPublishesTheEventAndRefusesUntilActivated() throws Exception {
    String caId = registerCa(true, null);
    BlockingQueue<String> events = FactoryPki.queue();
    clients.add(
        FactoryPki.watch(
            standIn.core.operatorDir(),
            standIn.mqttPort(),
            "$aws/events/certificates/registered/+",
            events));
    TestPki.Issued device = FactoryPki.device(factoryCa, "CN=jitr-1");

    assertThatThrownBy(() -> connect(device, null, "jitr-1")).isInstanceOf(MqttException.class);

    var description =
        iot.describeCertificate(b -> b.certificateId(device.id())).certificateDescription();
    assertThat(description.status()).isEqualTo(CertificateStatus.PENDING_ACTIVATION);
    assertThat(description.caCertificateId()).isEqualTo(caId);
    String event = events.poll(10, TimeUnit.SECONDS);
    assertThat(event).startsWith("$aws/events/certificates/registered/" + caId + " ");
    JsonNode payload = JSON.readTree(event.substring(event.indexOf(' ') + 1));
    assertThat(payload.get("certificateId").asText()).isEqualTo(device.id());
    assertThat(payload.get("caCertificateId").asText()).isEqualTo(caId);
    assertThat(payload.get("certificateStatus").asText()).isEqualTo("PENDING_ACTIVATION");
    assertThat(payload.get("awsAccountId").asText()).isEqualTo(StandIn.ACCOUNT_ID);
    assertThat(payload.get("timestamp").isNumber()).isTrue();
    assertThat(payload.has("certificateRegistrationTimestamp")).isTrue();

    // Presenting it again while pending: refused, and the event published again.
    assertThatThrownBy(() -> connect(device, factoryCa, "jitr-1"))
        .isInstanceOf(MqttException.class);
    assertThat(events.poll(10, TimeUnit.SECONDS)).contains(device.id());

    // What a JITR Lambda would do: activate, attach a policy.
    iot.updateCertificate(b -> b.certificateId(device.id()).newStatus(CertificateStatus.ACTIVE));
    iot.createPolicy(
        b ->
            b.policyName("jitr-device")
                .policyDocument(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                        + "\"Action\":\"iot:Connect\",\"Resource\":\"*\"}]}"));
    iot.attachPolicy(b -> b.policyName("jitr-device").target(description.certificateArn()));
    assertThat(connect(device, null, "jitr-1").isConnected()).isTrue();
  }

  @Test
  void withoutAutoRegistrationAnUnknownCertificateIsRefusedAndNotRegistered() {
    registerCa(false, null);
    TestPki.Issued device = FactoryPki.device(factoryCa, "CN=nope");

    assertThatThrownBy(() -> connect(device, factoryCa, "nope")).isInstanceOf(MqttException.class);
    assertThat(iot.listCertificates(b -> {}).certificates()).isEmpty();
  }

  @Test
  void aCertificateFromAnUnregisteredCaIsNeverRegistered() {
    registerCa(true, null);
    CertificateAuthority other = FactoryPki.ca("Factory CA"); // same name, other key
    TestPki.Issued device = FactoryPki.device(other, "CN=impostor");

    assertThatThrownBy(() -> connect(device, other, "impostor")).isInstanceOf(MqttException.class);
    assertThat(iot.listCertificates(b -> {}).certificates()).isEmpty();
  }

  @Test
  void jitpProvisionsThingCertificateAndPolicyFromTheSubject() throws Exception {
    String caId = registerCa(true, JITP_TEMPLATE);
    TestPki.Issued device = FactoryPki.device(factoryCa, "CN=bulb-7,SERIALNUMBER=SN-0007");

    // The first connection provisions and is refused; the device reconnects.
    assertThatThrownBy(() -> connect(device, null, "bulb-7")).isInstanceOf(MqttException.class);

    var description =
        iot.describeCertificate(b -> b.certificateId(device.id())).certificateDescription();
    assertThat(description.status()).isEqualTo(CertificateStatus.ACTIVE);
    assertThat(description.caCertificateId()).isEqualTo(caId);
    var thing = iot.describeThing(b -> b.thingName("bulb-7"));
    assertThat(thing.attributes())
        .containsEntry("serialNumber", "SN-0007")
        .containsEntry("version", "v1");
    assertThat(iot.listThingPrincipals(b -> b.thingName("bulb-7")).principals())
        .containsExactly(description.certificateArn());
    assertThat(iot.listAttachedPolicies(b -> b.target(description.certificateArn())).policies())
        .singleElement()
        .satisfies(p -> assertThat(p.policyName()).matches("[0-9A-F]{40}"));

    MqttClient client = connect(device, null, "bulb-7");
    client.publish("telemetry/bulb-7", "{\"on\":true}".getBytes(), 1, false);
    assertThat(client.isConnected()).isTrue();
    // The template's policy holds: another client id is not this thing.
    assertThatThrownBy(() -> connect(device, null, "bulb-8")).isInstanceOf(MqttException.class);
  }

  @Test
  void jitpFailsWholeWhenTheCertificateLacksATemplateParameter() {
    registerCa(true, JITP_TEMPLATE);
    TestPki.Issued device = FactoryPki.device(factoryCa, "CN=no-serial");

    assertThatThrownBy(() -> connect(device, null, "no-serial")).isInstanceOf(MqttException.class);
    assertThatThrownBy(() -> connect(device, null, "no-serial")).isInstanceOf(MqttException.class);
    assertThat(iot.listCertificates(b -> {}).certificates()).isEmpty();
    assertThat(iot.listThings(b -> {}).things()).isEmpty();
    assertThat(iot.listPolicies(b -> {}).policies()).isEmpty();
  }

  @Test
  void jitpByTemplateName() throws Exception {
    iot.createProvisioningTemplate(
        b ->
            b.templateName("factory-jitp")
                .type("JITP")
                .enabled(true)
                .templateBody(JITP_TEMPLATE)
                .provisioningRoleArn("arn:aws:iam::123456789012:role/JITP"));
    String code = iot.getRegistrationCode(b -> {}).registrationCode();
    iot.registerCACertificate(
        b ->
            b.caCertificate(Pem.toPem(factoryCa.certificate()))
                .verificationCertificate(FactoryPki.verificationCertificate(factoryCa, code))
                .setAsActive(true)
                .allowAutoRegistration(true)
                .registrationConfig(c -> c.templateName("factory-jitp")));
    TestPki.Issued device = FactoryPki.device(factoryCa, "CN=lamp-1,SERIALNUMBER=1");

    assertThatThrownBy(() -> connect(device, factoryCa, "lamp-1"))
        .isInstanceOf(MqttException.class);
    assertThat(connect(device, factoryCa, "lamp-1").isConnected()).isTrue();
    assertThat(iot.listCACertificates(b -> b.templateName("factory-jitp")).certificates())
        .hasSize(1);
  }
}
