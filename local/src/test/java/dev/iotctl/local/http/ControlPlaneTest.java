package dev.iotctl.local.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iotctl.core.pki.Csrs;
import dev.iotctl.core.pki.KeyPairs;
import dev.iotctl.core.pki.KeyType;
import dev.iotctl.core.pki.Pem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.AttributePayload;
import software.amazon.awssdk.services.iot.model.CertificateStateException;
import software.amazon.awssdk.services.iot.model.CertificateStatus;
import software.amazon.awssdk.services.iot.model.CreateKeysAndCertificateResponse;
import software.amazon.awssdk.services.iot.model.DeleteConflictException;
import software.amazon.awssdk.services.iot.model.DescribeThingResponse;
import software.amazon.awssdk.services.iot.model.GetTopicRuleResponse;
import software.amazon.awssdk.services.iot.model.InvalidRequestException;
import software.amazon.awssdk.services.iot.model.IotException;
import software.amazon.awssdk.services.iot.model.ListThingsResponse;
import software.amazon.awssdk.services.iot.model.MalformedPolicyException;
import software.amazon.awssdk.services.iot.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.iot.model.ResourceNotFoundException;
import software.amazon.awssdk.services.iot.model.ThingAttribute;
import software.amazon.awssdk.services.iot.model.VersionConflictException;

/** Every control-plane operation through the AWS SDK for Java v2 {@code IotClient}. */
class ControlPlaneTest {
  static final String POLICY =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iot:Connect\",\"Resource\":\"*\"}]}";

  @TempDir static Path dir;
  static StandIn standIn;
  static IotClient iot;

  @BeforeAll
  static void start() throws Exception {
    standIn = new StandIn(dir, HttpApiConfig.defaults());
    iot = AwsClients.iot(standIn.url());
  }

  @AfterAll
  static void stop() {
    iot.close();
    standIn.close();
  }

  @Test
  void thingLifecycleWithVersionsAndErrors() {
    var created =
        iot.createThing(
            b ->
                b.thingName("sensor-1")
                    .attributePayload(
                        AttributePayload.builder().attributes(Map.of("room", "a1")).build()));
    assertThat(created.thingArn()).isEqualTo("arn:aws:iot:us-east-1:123456789012:thing/sensor-1");
    assertThat(created.thingId()).isNotBlank();

    DescribeThingResponse described = iot.describeThing(b -> b.thingName("sensor-1"));
    assertThat(described.defaultClientId()).isEqualTo("sensor-1");
    assertThat(described.attributes()).containsEntry("room", "a1");
    assertThat(described.version()).isEqualTo(1);

    iot.updateThing(
        b ->
            b.thingName("sensor-1")
                .expectedVersion(1L)
                .attributePayload(
                    AttributePayload.builder()
                        .attributes(Map.of("floor", "2"))
                        .merge(true)
                        .build()));
    assertThat(iot.describeThing(b -> b.thingName("sensor-1")).attributes())
        .containsEntry("room", "a1")
        .containsEntry("floor", "2");

    assertThatThrownBy(() -> iot.updateThing(b -> b.thingName("sensor-1").expectedVersion(1L)))
        .isInstanceOfSatisfying(
            VersionConflictException.class, e -> assertThat(e.statusCode()).isEqualTo(409));
    assertThatThrownBy(
            () ->
                iot.createThing(
                    b ->
                        b.thingName("sensor-1")
                            .attributePayload(
                                AttributePayload.builder().attributes(Map.of("x", "y")).build())))
        .isInstanceOfSatisfying(
            ResourceAlreadyExistsException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(409);
              assertThat(e.resourceId()).isEqualTo("sensor-1");
              assertThat(e.resourceArn()).endsWith(":thing/sensor-1");
            });
    assertThatThrownBy(() -> iot.describeThing(b -> b.thingName("nope")))
        .isInstanceOfSatisfying(
            ResourceNotFoundException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
    assertThatThrownBy(() -> iot.createThing(b -> b.thingName("bad name")))
        .isInstanceOfSatisfying(
            InvalidRequestException.class, e -> assertThat(e.statusCode()).isEqualTo(400));

    iot.deleteThing(b -> b.thingName("sensor-1").expectedVersion(2L));
    assertThatThrownBy(() -> iot.describeThing(b -> b.thingName("sensor-1")))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void listThingsPagesAndFilters() {
    iot.createThingType(
        b ->
            b.thingTypeName("meter")
                .thingTypeProperties(p -> p.thingTypeDescription("power meter")));
    for (int i = 0; i < 7; i++) {
      String name = "meter-" + i;
      String zone = i % 2 == 0 ? "even" : "odd";
      iot.createThing(
          b ->
              b.thingName(name)
                  .thingTypeName("meter")
                  .attributePayload(
                      AttributePayload.builder().attributes(Map.of("zone", zone)).build()));
    }
    List<String> names = new ArrayList<>();
    String token = null;
    do {
      String next = token;
      ListThingsResponse page =
          iot.listThings(b -> b.thingTypeName("meter").maxResults(3).nextToken(next));
      page.things().stream().map(ThingAttribute::thingName).forEach(names::add);
      token = page.nextToken();
    } while (token != null);
    assertThat(names).hasSize(7).startsWith("meter-0");
    assertThat(
            iot.listThings(b -> b.attributeName("zone").attributeValue("odd")).things().stream()
                .map(ThingAttribute::thingName))
        .containsExactly("meter-1", "meter-3", "meter-5");
    assertThat(
            iot.listThingsPaginator(b -> b.thingTypeName("meter").maxResults(2)).things().stream()
                .count())
        .isEqualTo(7);

    var type = iot.describeThingType(b -> b.thingTypeName("meter"));
    assertThat(type.thingTypeProperties().thingTypeDescription()).isEqualTo("power meter");
    assertThat(type.thingTypeMetadata().deprecated()).isFalse();
    assertThat(type.thingTypeMetadata().creationDate()).isNotNull();
    assertThat(iot.listThingTypes(b -> b.thingTypeName("meter")).thingTypes()).hasSize(1);
    assertThatThrownBy(() -> iot.listThings(b -> b.maxResults(500)))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> iot.listThings(b -> b.nextToken("garbage!")))
        .isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void thingGroups() {
    iot.createThingGroup(b -> b.thingGroupName("site"));
    var floor =
        iot.createThingGroup(
            b ->
                b.thingGroupName("floor-1")
                    .parentGroupName("site")
                    .thingGroupProperties(p -> p.thingGroupDescription("first floor")));
    assertThat(floor.thingGroupArn()).endsWith(":thinggroup/floor-1");
    iot.createThing(b -> b.thingName("lamp-g"));
    iot.addThingToThingGroup(b -> b.thingGroupName("floor-1").thingName("lamp-g"));
    var described = iot.describeThingGroup(b -> b.thingGroupName("floor-1"));
    assertThat(described.thingGroupMetadata().parentGroupName()).isEqualTo("site");
    assertThat(described.thingGroupMetadata().rootToParentThingGroups()).hasSize(1);
    assertThat(described.thingGroupProperties().thingGroupDescription()).isEqualTo("first floor");
    assertThat(iot.listThingsInThingGroup(b -> b.thingGroupName("site").recursive(true)).things())
        .containsExactly("lamp-g");
    assertThat(iot.listThingGroups(b -> b.parentGroup("site")).thingGroups())
        .extracting(g -> g.groupName())
        .containsExactly("floor-1");
    assertThat(iot.listThingGroupsForThing(b -> b.thingName("lamp-g")).thingGroups())
        .extracting(g -> g.groupName() + " " + g.groupArn())
        .containsExactly("floor-1 " + floor.thingGroupArn());
    iot.removeThingFromThingGroup(b -> b.thingGroupName("floor-1").thingName("lamp-g"));
    assertThat(iot.listThingGroupsForThing(b -> b.thingName("lamp-g")).thingGroups()).isEmpty();
    assertThat(iot.listThingsInThingGroup(b -> b.thingGroupName("floor-1")).things()).isEmpty();
    assertThatThrownBy(() -> iot.describeThingGroup(b -> b.thingGroupName("nowhere")))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void thingTypeDeprecationAndDeletion() {
    iot.createThingType(b -> b.thingTypeName("valve"));

    iot.deprecateThingType(b -> b.thingTypeName("valve"));
    var deprecated = iot.describeThingType(b -> b.thingTypeName("valve")).thingTypeMetadata();
    assertThat(deprecated.deprecated()).isTrue();
    assertThat(deprecated.deprecationDate()).isNotNull();
    assertThatThrownBy(() -> iot.createThing(b -> b.thingName("valve-1").thingTypeName("valve")))
        .isInstanceOf(InvalidRequestException.class);

    // AWS refuses to delete a type deprecated less than five minutes ago.
    assertThatThrownBy(() -> iot.deleteThingType(b -> b.thingTypeName("valve")))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(400);
              assertThat(e.awsErrorDetails().errorMessage())
                  .isEqualTo(
                      "Thing type valve must be deprecated for at least 5 minutes before it can"
                          + " be deleted.");
            });

    iot.deprecateThingType(b -> b.thingTypeName("valve").undoDeprecate(true));
    var undone = iot.describeThingType(b -> b.thingTypeName("valve")).thingTypeMetadata();
    assertThat(undone.deprecated()).isFalse();
    assertThat(undone.deprecationDate()).isNull();
    iot.createThing(b -> b.thingName("valve-1").thingTypeName("valve"));

    assertThatThrownBy(() -> iot.deprecateThingType(b -> b.thingTypeName("no-such-type")))
        .isInstanceOfSatisfying(
            ResourceNotFoundException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
    assertThatThrownBy(() -> iot.deleteThingType(b -> b.thingTypeName("no-such-type")))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void thingGroupUpdateAndDelete() {
    iot.createThingGroup(b -> b.thingGroupName("campus"));
    iot.createThingGroup(
        b ->
            b.thingGroupName("hall")
                .parentGroupName("campus")
                .thingGroupProperties(
                    p ->
                        p.thingGroupDescription("old")
                            .attributePayload(
                                AttributePayload.builder()
                                    .attributes(Map.of("wing", "east"))
                                    .build())));
    assertThat(iot.describeThingGroup(b -> b.thingGroupName("hall")).version()).isEqualTo(1);

    var updated =
        iot.updateThingGroup(
            b ->
                b.thingGroupName("hall")
                    .expectedVersion(1L)
                    .thingGroupProperties(
                        p ->
                            p.thingGroupDescription("main hall")
                                .attributePayload(
                                    AttributePayload.builder()
                                        .attributes(Map.of("floors", "3"))
                                        .merge(true)
                                        .build())));
    assertThat(updated.version()).isEqualTo(2);
    var described = iot.describeThingGroup(b -> b.thingGroupName("hall"));
    assertThat(described.version()).isEqualTo(2);
    assertThat(described.thingGroupProperties().thingGroupDescription()).isEqualTo("main hall");
    assertThat(described.thingGroupProperties().attributePayload().attributes())
        .containsExactlyInAnyOrderEntriesOf(Map.of("wing", "east", "floors", "3"));

    assertThatThrownBy(
            () ->
                iot.updateThingGroup(
                    b ->
                        b.thingGroupName("hall")
                            .expectedVersion(1L)
                            .thingGroupProperties(p -> p.thingGroupDescription("stale"))))
        .isInstanceOfSatisfying(
            VersionConflictException.class, e -> assertThat(e.statusCode()).isEqualTo(409));
    assertThat(
            iot.describeThingGroup(b -> b.thingGroupName("hall"))
                .thingGroupProperties()
                .thingGroupDescription())
        .isEqualTo("main hall");
    assertThatThrownBy(
            () ->
                iot.updateThingGroup(
                    b ->
                        b.thingGroupName("nowhere")
                            .thingGroupProperties(p -> p.thingGroupDescription("x"))))
        .isInstanceOf(ResourceNotFoundException.class);

    assertThatThrownBy(() -> iot.deleteThingGroup(b -> b.thingGroupName("campus")))
        .isInstanceOfSatisfying(
            InvalidRequestException.class, e -> assertThat(e.statusCode()).isEqualTo(400));
    assertThat(iot.describeThingGroup(b -> b.thingGroupName("campus")).thingGroupName())
        .isEqualTo("campus");

    assertThatThrownBy(
            () -> iot.deleteThingGroup(b -> b.thingGroupName("hall").expectedVersion(1L)))
        .isInstanceOf(VersionConflictException.class);
    iot.deleteThingGroup(b -> b.thingGroupName("hall").expectedVersion(2L));
    assertThatThrownBy(() -> iot.describeThingGroup(b -> b.thingGroupName("hall")))
        .isInstanceOfSatisfying(
            ResourceNotFoundException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
    // With its last child gone the parent can go too; deleting a missing group succeeds, as on AWS.
    iot.deleteThingGroup(b -> b.thingGroupName("campus"));
    iot.deleteThingGroup(b -> b.thingGroupName("campus"));
    assertThatThrownBy(() -> iot.describeThingGroup(b -> b.thingGroupName("campus")))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void certificatesPoliciesAndPrincipals() throws Exception {
    CreateKeysAndCertificateResponse keys = iot.createKeysAndCertificate(b -> b.setAsActive(true));
    assertThat(keys.certificateId()).hasSize(64);
    assertThat(keys.keyPair().privateKey()).contains("PRIVATE KEY");
    assertThat(keys.keyPair().publicKey()).contains("PUBLIC KEY");
    assertThat(Pem.parseCertificate(keys.certificatePem()).getIssuerX500Principal())
        .isEqualTo(standIn.ca().certificate().getSubjectX500Principal());
    String certArn = keys.certificateArn();

    var described =
        iot.describeCertificate(b -> b.certificateId(keys.certificateId()))
            .certificateDescription();
    assertThat(described.status()).isEqualTo(CertificateStatus.ACTIVE);
    assertThat(described.validity().notAfter())
        .isAfter(java.time.Instant.parse("2049-01-01T00:00:00Z"));

    String csr = Csrs.toPem(Csrs.create(KeyPairs.generate(KeyType.EC_P256), "dev-csr"));
    var fromCsr = iot.createCertificateFromCsr(b -> b.certificateSigningRequest(csr));
    assertThat(
            iot.describeCertificate(b -> b.certificateId(fromCsr.certificateId()))
                .certificateDescription()
                .status())
        .isEqualTo(CertificateStatus.INACTIVE);
    assertThatThrownBy(
            () -> iot.createCertificateFromCsr(b -> b.certificateSigningRequest("not a csr")))
        .isInstanceOf(InvalidRequestException.class);
    assertThat(iot.listCertificates(b -> b.pageSize(1)).nextMarker()).isNotNull();
    assertThat(iot.listCertificatesPaginator(b -> b.pageSize(1)).certificates().stream().count())
        .isGreaterThanOrEqualTo(2);

    var policy = iot.createPolicy(b -> b.policyName("device").policyDocument(POLICY));
    assertThat(policy.policyVersionId()).isEqualTo("1");
    assertThatThrownBy(() -> iot.createPolicy(b -> b.policyName("device").policyDocument(POLICY)))
        .isInstanceOf(ResourceAlreadyExistsException.class);
    assertThatThrownBy(
            () -> iot.createPolicy(b -> b.policyName("bad").policyDocument("{\"Statement\":5}")))
        .isInstanceOfSatisfying(
            MalformedPolicyException.class, e -> assertThat(e.statusCode()).isEqualTo(400));
    var v2 =
        iot.createPolicyVersion(
            b -> b.policyName("device").policyDocument(POLICY).setAsDefault(true));
    assertThat(v2.isDefaultVersion()).isTrue();
    assertThat(iot.listPolicyVersions(b -> b.policyName("device")).policyVersions()).hasSize(2);
    iot.setDefaultPolicyVersion(b -> b.policyName("device").policyVersionId("1"));
    assertThat(iot.getPolicy(b -> b.policyName("device")).defaultVersionId()).isEqualTo("1");
    assertThat(iot.listPolicies().policies()).extracting(p -> p.policyName()).contains("device");

    iot.attachPolicy(b -> b.policyName("device").target(certArn));
    assertThat(iot.listAttachedPolicies(b -> b.target(certArn)).policies())
        .extracting(p -> p.policyName())
        .containsExactly("device");
    assertThat(iot.listTargetsForPolicy(b -> b.policyName("device")).targets())
        .containsExactly(certArn);
    assertThatThrownBy(() -> iot.deletePolicy(b -> b.policyName("device")))
        .isInstanceOfSatisfying(
            DeleteConflictException.class, e -> assertThat(e.statusCode()).isEqualTo(409));

    iot.createThing(b -> b.thingName("owner"));
    iot.attachThingPrincipal(b -> b.thingName("owner").principal(certArn));
    assertThat(iot.listThingPrincipals(b -> b.thingName("owner")).principals())
        .containsExactly(certArn);
    assertThat(iot.listPrincipalThings(b -> b.principal(certArn)).things())
        .containsExactly("owner");

    assertThatThrownBy(() -> iot.deleteCertificate(b -> b.certificateId(keys.certificateId())))
        .isInstanceOfSatisfying(
            CertificateStateException.class, e -> assertThat(e.statusCode()).isEqualTo(406));
    iot.updateCertificate(
        b -> b.certificateId(keys.certificateId()).newStatus(CertificateStatus.REVOKED));
    assertThatThrownBy(
            () ->
                iot.updateCertificate(
                    b -> b.certificateId(keys.certificateId()).newStatus(CertificateStatus.ACTIVE)))
        .isInstanceOf(CertificateStateException.class);
    assertThatThrownBy(() -> iot.deleteCertificate(b -> b.certificateId(keys.certificateId())))
        .isInstanceOf(DeleteConflictException.class);
    iot.detachThingPrincipal(b -> b.thingName("owner").principal(certArn));
    assertThatThrownBy(() -> iot.deleteCertificate(b -> b.certificateId(keys.certificateId())))
        .isInstanceOf(DeleteConflictException.class);
    iot.deleteCertificate(b -> b.certificateId(keys.certificateId()).forceDelete(true));
    assertThatThrownBy(() -> iot.describeCertificate(b -> b.certificateId(keys.certificateId())))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> iot.deletePolicy(b -> b.policyName("device")))
        .isInstanceOf(DeleteConflictException.class); // version 2 still exists
    assertThat(
            iot.getPolicyVersion(b -> b.policyName("device").policyVersionId("2"))
                .isDefaultVersion())
        .isFalse();
    iot.deletePolicyVersion(b -> b.policyName("device").policyVersionId("2"));
    iot.deletePolicy(b -> b.policyName("device"));

    var noCa =
        iot.registerCertificateWithoutCA(
            b ->
                b.certificatePem(Pem.toPem(standIn.ca().certificate()))
                    .status(CertificateStatus.INACTIVE));
    assertThat(
            iot.describeCertificate(b -> b.certificateId(noCa.certificateId()))
                .certificateDescription()
                .certificateModeAsString())
        .isEqualTo("SNI_ONLY");
  }

  @Test
  void testAuthorizationUsesThePolicyEngine() {
    String arn = "arn:aws:iot:us-east-1:123456789012:";
    var cert = iot.createKeysAndCertificate(b -> b.setAsActive(true));
    iot.createPolicy(
        b ->
            b.policyName("telemetry")
                .policyDocument(
                    "{\"Version\":\"2012-10-17\",\"Statement\":["
                        + "{\"Effect\":\"Allow\",\"Action\":\"iot:Publish\",\"Resource\":\""
                        + arn
                        + "topic/things/${iot:Connection.Thing.ThingName}/*\"},"
                        + "{\"Effect\":\"Deny\",\"Action\":\"iot:Publish\",\"Resource\":\""
                        + arn
                        + "topic/things/*/secret\"}]}"));
    iot.attachPolicy(b -> b.policyName("telemetry").target(cert.certificateArn()));
    iot.createThing(b -> b.thingName("tester"));
    iot.attachThingPrincipal(b -> b.thingName("tester").principal(cert.certificateArn()));

    var results =
        iot.testAuthorization(
                b ->
                    b.principal(cert.certificateArn())
                        .clientId("tester")
                        .authInfos(
                            a ->
                                a.actionType("PUBLISH").resources(arn + "topic/things/tester/temp"),
                            a ->
                                a.actionType("PUBLISH")
                                    .resources(arn + "topic/things/tester/secret"),
                            a ->
                                a.actionType("PUBLISH").resources(arn + "topic/things/other/temp")))
            .authResults();
    assertThat(results)
        .extracting(r -> r.authDecisionAsString())
        .containsExactly("ALLOWED", "EXPLICIT_DENY", "IMPLICIT_DENY");
    assertThat(results.get(0).allowed().policies())
        .extracting(p -> p.policyName())
        .containsExactly("telemetry");
    assertThat(results.get(1).denied().explicitDeny().policies())
        .extracting(p -> p.policyName())
        .containsExactly("telemetry");
    assertThatThrownBy(
            () ->
                iot.testAuthorization(
                    b ->
                        b.principal(arn + "cert/" + "0".repeat(64))
                            .authInfos(a -> a.actionType("CONNECT").resources("x"))))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void topicRules() {
    iot.createTopicRule(
        b ->
            b.ruleName("temps")
                .topicRulePayload(
                    p ->
                        p.sql("SELECT * FROM 'sensors/+/temp'")
                            .description("all temps")
                            .actions(
                                a ->
                                    a.republish(
                                        r ->
                                            r.topic("out/temp")
                                                .roleArn("arn:aws:iam::123456789012:role/r")))));
    GetTopicRuleResponse rule = iot.getTopicRule(b -> b.ruleName("temps"));
    assertThat(rule.ruleArn()).endsWith(":rule/temps");
    assertThat(rule.rule().sql()).isEqualTo("SELECT * FROM 'sensors/+/temp'");
    assertThat(rule.rule().actions().get(0).republish().topic()).isEqualTo("out/temp");
    assertThat(rule.rule().ruleDisabled()).isFalse();
    iot.disableTopicRule(b -> b.ruleName("temps"));
    assertThat(iot.getTopicRule(b -> b.ruleName("temps")).rule().ruleDisabled()).isTrue();
    iot.enableTopicRule(b -> b.ruleName("temps"));
    var listed = iot.listTopicRules(b -> b.topic("sensors/+/temp")).rules();
    assertThat(listed).extracting(r -> r.ruleName()).containsExactly("temps");
    assertThat(listed.get(0).topicPattern()).isEqualTo("sensors/+/temp");
    iot.replaceTopicRule(
        b ->
            b.ruleName("temps")
                .topicRulePayload(p -> p.sql("SELECT 1 FROM 'x'").actions(List.of())));
    assertThat(iot.getTopicRule(b -> b.ruleName("temps")).rule().sql())
        .isEqualTo("SELECT 1 FROM 'x'");
    assertThatThrownBy(
            () ->
                iot.createTopicRule(
                    b ->
                        b.ruleName("temps")
                            .topicRulePayload(p -> p.sql("SELECT 1 FROM 'x'").actions(List.of()))))
        .isInstanceOf(ResourceAlreadyExistsException.class);
    iot.deleteTopicRule(b -> b.ruleName("temps"));
    assertThatThrownBy(() -> iot.getTopicRule(b -> b.ruleName("temps")))
        .isInstanceOfSatisfying(IotException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
  }
}
