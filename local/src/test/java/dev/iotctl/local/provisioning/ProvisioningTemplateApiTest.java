package dev.iotctl.local.provisioning;

import static dev.iotctl.local.provisioning.CaCertificateApiTest.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.iotctl.core.pki.Csrs;
import dev.iotctl.core.pki.KeyPairs;
import dev.iotctl.core.pki.KeyType;
import dev.iotctl.core.pki.Pem;
import dev.iotctl.local.http.AwsClients;
import dev.iotctl.local.http.HttpApiConfig;
import dev.iotctl.local.http.StandIn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.ProvisioningTemplateVersionSummary;

/** Provisioning templates, RegisterThing and registration tasks through the AWS SDK for Java v2. */
class ProvisioningTemplateApiTest {
  static final String ROLE = "arn:aws:iam::123456789012:role/Provisioning";
  static final String BODY =
      """
      {"Parameters":{"ThingName":{"Type":"String"},"CSR":{"Type":"String"}},
       "Resources":{"thing":{"Type":"AWS::IoT::Thing","Properties":{"ThingName":{"Ref":"ThingName"}}},
         "certificate":{"Type":"AWS::IoT::Certificate","Properties":{
           "CertificateSigningRequest":{"Ref":"CSR"},"Status":"ACTIVE"}},
         "policy":{"Type":"AWS::IoT::Policy","Properties":{"PolicyDocument":
           "{\\"Version\\":\\"2012-10-17\\",\\"Statement\\":[{\\"Effect\\":\\"Allow\\",\\"Action\\":\\"iot:Connect\\",\\"Resource\\":\\"*\\"}]}"}}}}
      """;

  @TempDir Path dir;
  StandIn standIn;
  IotClient iot;

  @BeforeEach
  void start() {
    standIn = new StandIn(dir, HttpApiConfig.defaults());
    iot = AwsClients.iot(standIn.url());
  }

  @AfterEach
  void stop() {
    iot.close();
    standIn.close();
  }

  @Test
  void templatesAndTheirVersions() {
    var created =
        iot.createProvisioningTemplate(
            b ->
                b.templateName("t1").templateBody(BODY).provisioningRoleArn(ROLE).description("d"));
    assertThat(created.templateArn())
        .isEqualTo("arn:aws:iot:us-east-1:123456789012:provisioningtemplate/t1");
    assertThat(created.defaultVersionId()).isEqualTo(1);
    var described = iot.describeProvisioningTemplate(b -> b.templateName("t1"));
    assertThat(described.enabled()).isFalse();
    assertThat(described.typeAsString()).isEqualTo("FLEET_PROVISIONING");
    assertThat(described.templateBody()).isEqualTo(BODY);
    assertAwsError(
        () ->
            iot.createProvisioningTemplate(
                b -> b.templateName("t1").templateBody(BODY).provisioningRoleArn(ROLE)),
        "ResourceAlreadyExistsException",
        409);
    assertAwsError(
        () ->
            iot.createProvisioningTemplate(
                b -> b.templateName("bad").templateBody("{").provisioningRoleArn(ROLE)),
        "InvalidRequestException",
        400);

    for (int i = 2; i <= 5; i++) {
      var v =
          iot.createProvisioningTemplateVersion(
              b -> b.templateName("t1").templateBody(BODY).setAsDefault(true));
      assertThat(v.versionId()).isEqualTo(i);
    }
    assertAwsError(
        () -> iot.createProvisioningTemplateVersion(b -> b.templateName("t1").templateBody(BODY)),
        "VersionsLimitExceededException",
        409);
    assertThat(
            iot.listProvisioningTemplateVersions(b -> b.templateName("t1")).versions().stream()
                .filter(ProvisioningTemplateVersionSummary::isDefaultVersion)
                .map(ProvisioningTemplateVersionSummary::versionId))
        .containsExactly(5);
    assertAwsError(
        () -> iot.deleteProvisioningTemplateVersion(b -> b.templateName("t1").versionId(5)),
        "DeleteConflictException",
        409);
    iot.deleteProvisioningTemplateVersion(b -> b.templateName("t1").versionId(1));
    iot.updateProvisioningTemplate(b -> b.templateName("t1").defaultVersionId(2).enabled(true));
    assertThat(iot.describeProvisioningTemplate(b -> b.templateName("t1")).defaultVersionId())
        .isEqualTo(2);
    assertThat(iot.listProvisioningTemplates(b -> {}).templates()).hasSize(1);
    iot.deleteProvisioningTemplate(b -> b.templateName("t1"));
    assertAwsError(
        () -> iot.describeProvisioningTemplate(b -> b.templateName("t1")),
        "ResourceNotFoundException",
        404);
  }

  @Test
  void registerThingMakesThingCertificateAndPolicyOrNothing() {
    String csr = Csrs.toPem(Csrs.create(KeyPairs.generate(KeyType.EC_P256), "lamp"));
    var registered =
        iot.registerThing(
            b -> b.templateBody(BODY).parameters(Map.of("ThingName", "lamp", "CSR", csr)));
    assertThat(registered.resourceArns()).containsKeys("thing", "certificate", "policy");
    assertThat(
            Pem.parseCertificate(registered.certificatePem()).getSubjectX500Principal().getName())
        .isEqualTo("CN=lamp");
    assertThat(iot.listThingPrincipals(b -> b.thingName("lamp")).principals())
        .containsExactly(registered.resourceArns().get("certificate"));

    // A thing group that does not exist: nothing of this device is left.
    String withGroup =
        BODY.replace(
            "\"ThingName\":{\"Ref\":\"ThingName\"}}",
            "\"ThingName\":{\"Ref\":\"ThingName\"},\"ThingGroups\":[\"missing\"]}");
    String csr2 = Csrs.toPem(Csrs.create(KeyPairs.generate(KeyType.EC_P256), "lamp-2"));
    assertAwsError(
        () ->
            iot.registerThing(
                b ->
                    b.templateBody(withGroup)
                        .parameters(Map.of("ThingName", "lamp-2", "CSR", csr2))),
        "ResourceRegistrationFailureException",
        400);
    assertAwsError(
        () -> iot.describeThing(b -> b.thingName("lamp-2")), "ResourceNotFoundException", 404);
    assertThat(iot.listCertificates(b -> {}).certificates()).hasSize(1);
  }

  @Test
  void registrationTasksListAndStop() throws Exception {
    Path input = dir.resolve("buckets/factory/devices.jsonl");
    Files.createDirectories(input.getParent());
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      lines
          .append("{\"ThingName\":\"t-")
          .append(i)
          .append("\",\"CSR\":\"")
          .append(
              Csrs.toPem(Csrs.create(KeyPairs.generate(KeyType.EC_P256), "t")).replace("\n", "\\n"))
          .append("\"}\n");
    }
    Files.writeString(input, lines);
    String taskId =
        iot.startThingRegistrationTask(
                b ->
                    b.templateBody(BODY)
                        .inputFileBucket("factory")
                        .inputFileKey("devices.jsonl")
                        .roleArn(ROLE))
            .taskId();
    assertAwsError(
        () ->
            iot.startThingRegistrationTask(
                b ->
                    b.templateBody(BODY)
                        .inputFileBucket("factory")
                        .inputFileKey("devices.jsonl")
                        .roleArn(ROLE)),
        "InvalidRequestException",
        400);
    iot.stopThingRegistrationTask(b -> b.taskId(taskId));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                !iot.describeThingRegistrationTask(b -> b.taskId(taskId))
                        .statusAsString()
                        .startsWith("InProgress")
                    && !iot.describeThingRegistrationTask(b -> b.taskId(taskId))
                        .statusAsString()
                        .equals("Cancelling"));
    var task = iot.describeThingRegistrationTask(b -> b.taskId(taskId));
    assertThat(task.statusAsString()).isIn("Cancelled", "Completed");
    assertThat(iot.listThingRegistrationTasks(b -> {}).taskIds()).containsExactly(taskId);
    assertThat(iot.listThingRegistrationTasks(b -> b.status("InProgress")).taskIds()).isEmpty();
    assertAwsError(
        () ->
            iot.startThingRegistrationTask(
                b ->
                    b.templateBody(BODY)
                        .inputFileBucket("factory")
                        .inputFileKey("no-such-file.jsonl")
                        .roleArn(ROLE)),
        "InvalidRequestException",
        400);
  }
}
