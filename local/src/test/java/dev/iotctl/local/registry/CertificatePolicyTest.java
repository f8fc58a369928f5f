package dev.iotctl.local.registry;

import static dev.iotctl.local.registry.Fixtures.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iotctl.core.pki.CertificateIds;
import dev.iotctl.core.pki.Pem;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificatePolicyTest {
  static final String ALLOW_CONNECT =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iot:Connect\",\"Resource\":\"*\"}]}";
  static final String ALLOW_ALL =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iot:*\",\"Resource\":\"*\"}]}";

  @TempDir Path dir;
  Registry registry;
  CertificateRegistry certificates;
  PolicyRegistry policies;
  final List<String> events = new CopyOnWriteArrayList<>();

  @BeforeEach
  void open() {
    registry = Registry.open(dir);
    certificates = registry.certificates();
    policies = registry.policies();
    registry.addListener(
        new RegistryListener() {
          @Override
          public void certificateStatusChanged(String id, CertificateStatus status) {
            events.add("status " + status);
          }

          @Override
          public void certificateDeleted(String id) {
            events.add("deleted");
          }

          @Override
          public void policyAttachmentChanged(String target) {
            events.add("attachment " + target);
          }

          @Override
          public void policyVersionChanged(String name) {
            events.add("version " + name);
          }

          @Override
          public void thingPrincipalChanged(String thing, String principal) {
            events.add("principal " + thing);
          }
        });
  }

  @AfterEach
  void close() {
    registry.close();
  }

  @Test
  void registeredCertificateCarriesAwsIdArnAndDates() {
    String pem = Fixtures.deviceCertificatePem("d1");

    Certificate cert = register(pem, CertificateStatus.ACTIVE);

    assertThat(cert.id()).isEqualTo(CertificateIds.of(Pem.parseCertificate(pem)));
    assertThat(cert.arn()).isEqualTo("arn:aws:iot:us-east-1:000000000000:cert/" + cert.id());
    assertThat(cert.ownedBy()).isEqualTo("000000000000");
    assertThat(cert.notAfter()).isAfter(cert.notBefore());
    assertThat(Pem.parseCertificate(cert.pem())).isEqualTo(Pem.parseCertificate(pem));
    assertAwsError(
        () -> register(pem, CertificateStatus.ACTIVE), "ResourceAlreadyExistsException", 409);
    assertAwsError(
        () -> register("not a pem", CertificateStatus.ACTIVE),
        "CertificateValidationException",
        400);
    assertAwsError(() -> certificates.describe("ab".repeat(32)), "ResourceNotFoundException", 404);
  }

  @Test
  void statusTransitionsFollowAws() {
    Certificate cert = register(Fixtures.deviceCertificatePem("d"), CertificateStatus.ACTIVE);

    certificates.updateStatus(cert.id(), CertificateStatus.ACTIVE); // idempotent, no event
    certificates.updateStatus(cert.id(), CertificateStatus.INACTIVE);
    certificates.updateStatus(cert.id(), CertificateStatus.ACTIVE);
    assertAwsError(
        () -> certificates.updateStatus(cert.id(), CertificateStatus.PENDING_TRANSFER),
        "InvalidRequestException",
        400);
    certificates.updateStatus(cert.id(), CertificateStatus.REVOKED);
    assertAwsError(
        () -> certificates.updateStatus(cert.id(), CertificateStatus.ACTIVE),
        "CertificateStateException",
        406);

    assertThat(certificates.describe(cert.id()).status()).isEqualTo(CertificateStatus.REVOKED);
    assertThat(events).containsExactly("status INACTIVE", "status ACTIVE", "status REVOKED");
  }

  @Test
  void deleteRefusedWhileActiveOrAttachedAndForceDetachesPoliciesOnly() {
    Certificate cert = register(Fixtures.deviceCertificatePem("d"), CertificateStatus.ACTIVE);
    policies.create("p", ALLOW_CONNECT);
    policies.attach("p", cert.arn());
    registry.things().create("t", Optional.empty(), Map.of());
    registry.thingPrincipals().attach("t", cert.arn(), ThingPrincipalType.NON_EXCLUSIVE_THING);

    assertAwsError(() -> certificates.delete(cert.id(), true), "CertificateStateException", 406);
    certificates.updateStatus(cert.id(), CertificateStatus.INACTIVE);
    assertAwsError(() -> certificates.delete(cert.id(), true), "DeleteConflictException", 409);
    registry.thingPrincipals().detach("t", cert.arn());
    assertAwsError(() -> certificates.delete(cert.id(), false), "DeleteConflictException", 409);

    certificates.delete(cert.id(), true);

    assertAwsError(() -> certificates.describe(cert.id()), "ResourceNotFoundException", 404);
    assertThat(policies.listTargets("p", null, null).items()).isEmpty();
    assertThat(events).endsWith("attachment " + cert.arn(), "deleted");
    policies.delete("p"); // no longer attached
  }

  @Test
  void listCertificatesPagesByCreationDate() {
    for (int i = 0; i < 5; i++) {
      register(Fixtures.deviceCertificatePem("d" + i), CertificateStatus.ACTIVE);
    }
    var first = certificates.list(true, 2, null);
    var second = certificates.list(true, 2, first.nextToken().orElseThrow());
    var third = certificates.list(true, 2, second.nextToken().orElseThrow());

    assertThat(first.items()).hasSize(2);
    assertThat(third.items()).hasSize(1);
    assertThat(third.nextToken()).isEmpty();
    List<String> ids =
        java.util.stream.Stream.of(first, second, third)
            .flatMap(p -> p.items().stream())
            .map(Certificate::id)
            .toList();
    assertThat(ids).doesNotHaveDuplicates().hasSize(5);
    assertThat(certificates.list(false, 10, null).items().stream().map(Certificate::id).toList())
        .containsExactlyElementsOf(reversed(ids));
  }

  @Test
  void policyVersionsFollowAwsLimitsAndDefaults() {
    Policy policy = policies.create("p", ALLOW_CONNECT);
    assertThat(policy.defaultVersionId()).isEqualTo("1");
    assertThat(policy.arn()).isEqualTo("arn:aws:iot:us-east-1:000000000000:policy/p");
    assertAwsError(
        () -> policies.create("p", ALLOW_CONNECT), "ResourceAlreadyExistsException", 409);
    assertAwsError(() -> policies.create("q", "[1]"), "MalformedPolicyException", 400);

    for (int i = 2; i <= 5; i++) {
      assertThat(policies.createVersion("p", ALLOW_ALL, false).versionId()).isEqualTo("" + i);
    }
    assertAwsError(
        () -> policies.createVersion("p", ALLOW_ALL, true), "VersionsLimitExceededException", 409);

    policies.setDefaultVersion("p", "3");
    assertThat(policies.get("p").document()).isEqualTo(ALLOW_ALL);
    assertThat(policies.getVersion("p", "3").isDefaultVersion()).isTrue();
    assertAwsError(() -> policies.deleteVersion("p", "3"), "DeleteConflictException", 409);
    assertAwsError(() -> policies.getVersion("p", "9"), "ResourceNotFoundException", 404);

    policies.deleteVersion("p", "5");
    assertThat(policies.createVersion("p", ALLOW_CONNECT, true).versionId())
        .as("ids are never reused")
        .isEqualTo("6");
    assertThat(policies.listVersions("p").stream().map(PolicyVersion::versionId))
        .containsExactly("6", "4", "3", "2", "1");
    assertThat(events).containsExactly("version p", "version p");

    assertAwsError(() -> policies.delete("p"), "DeleteConflictException", 409);
    for (String v : List.of("1", "2", "3", "4")) {
      policies.deleteVersion("p", v);
    }
    policies.delete("p");
    assertAwsError(() -> policies.get("p"), "ResourceNotFoundException", 404);
  }

  @Test
  void attachmentsAreCheckedAndLimitedToTenPerTarget() {
    Certificate cert = register(Fixtures.deviceCertificatePem("d"), CertificateStatus.ACTIVE);
    for (int i = 0; i < 11; i++) {
      policies.create("p" + i, ALLOW_CONNECT);
    }
    for (int i = 0; i < 10; i++) {
      policies.attach("p" + i, cert.arn());
    }
    policies.attach("p0", cert.arn()); // already attached: no-op
    assertAwsError(() -> policies.attach("p10", cert.arn()), "LimitExceededException", 410);
    assertAwsError(
        () -> policies.attach("p10", "arn:aws:iot:us-east-1:000000000000:cert/" + "0".repeat(64)),
        "ResourceNotFoundException",
        404);
    assertAwsError(() -> policies.attach("nope", cert.arn()), "ResourceNotFoundException", 404);
    assertAwsError(() -> policies.delete("p0"), "DeleteConflictException", 409);

    assertThat(policies.listAttached(cert.arn(), false, 4, null).items()).hasSize(4);
    policies.detach("p0", cert.arn());
    assertThat(policies.listTargets("p0", null, null).items()).isEmpty();
    assertThat(policies.listTargets("p1", null, null).items()).containsExactly(cert.arn());
  }

  @Test
  void findForConnectionSeesEveryCommittedChange() {
    Certificate cert = register(Fixtures.deviceCertificatePem("d"), CertificateStatus.ACTIVE);
    assertThat(certificates.findForConnection("0".repeat(64))).isEmpty();
    DeviceIdentity bare = certificates.findForConnection(cert.id()).orElseThrow();
    assertThat(bare.isActive()).isTrue();
    assertThat(bare.policies()).isEmpty();

    policies.create("p", ALLOW_CONNECT);
    policies.attach("p", cert.arn());
    registry.things().create("lamp-1", Optional.empty(), Map.of("room", "hall"));
    registry.thingPrincipals().attach("lamp-1", cert.arn(), ThingPrincipalType.NON_EXCLUSIVE_THING);
    registry.thingGroups().create("building", Optional.empty(), Optional.empty(), Map.of());
    registry.thingGroups().create("floor-1", Optional.of("building"), Optional.empty(), Map.of());
    registry.thingGroups().addThing("floor-1", "lamp-1");
    policies.create("group-policy", ALLOW_ALL);
    policies.attach("group-policy", registry.thingGroups().describe("building").arn());

    DeviceIdentity full = certificates.findForConnection(cert.id()).orElseThrow();
    assertThat(full.policies())
        .containsExactly(new DeviceIdentity.AttachedPolicy("p", ALLOW_CONNECT));
    assertThat(full.things()).hasSize(1);
    DeviceIdentity.AttachedThing thing = full.things().get(0);
    assertThat(thing.name()).isEqualTo("lamp-1");
    assertThat(thing.attributes()).containsEntry("room", "hall");
    assertThat(thing.groupPolicies())
        .containsExactly(new DeviceIdentity.AttachedPolicy("group-policy", ALLOW_ALL));

    // A listener reacting to a change reads the new state at once.
    List<CertificateStatus> seen = new CopyOnWriteArrayList<>();
    registry.addListener(
        new RegistryListener() {
          @Override
          public void certificateStatusChanged(String id, CertificateStatus status) {
            seen.add(certificates.findForConnection(id).orElseThrow().status());
          }
        });
    certificates.updateStatus(cert.id(), CertificateStatus.INACTIVE);
    assertThat(seen).containsExactly(CertificateStatus.INACTIVE);

    policies.createVersion("p", ALLOW_ALL, true);
    assertThat(certificates.findForConnection(cert.id()).orElseThrow().policies().get(0).document())
        .isEqualTo(ALLOW_ALL);
  }

  @Test
  void exclusiveThingAttachmentIsExclusive() {
    Certificate cert = register(Fixtures.deviceCertificatePem("d"), CertificateStatus.ACTIVE);
    registry.things().create("a", Optional.empty(), Map.of());
    registry.things().create("b", Optional.empty(), Map.of());
    ThingPrincipalRegistry links = registry.thingPrincipals();

    links.attach("a", cert.arn(), ThingPrincipalType.EXCLUSIVE_THING);
    assertAwsError(
        () -> links.attach("b", cert.arn(), ThingPrincipalType.NON_EXCLUSIVE_THING),
        "InvalidRequestException",
        400);
    assertAwsError(
        () -> links.attach("missing", cert.arn(), ThingPrincipalType.NON_EXCLUSIVE_THING),
        "ResourceNotFoundException",
        404);
    assertThat(links.listPrincipalThings(cert.arn(), null, null).items()).containsExactly("a");
    assertThat(links.listThingPrincipals("a", null, null).items()).containsExactly(cert.arn());
    assertThat(events).containsExactly("principal a");
  }

  private static List<String> reversed(List<String> list) {
    List<String> copy = new java.util.ArrayList<>(list);
    java.util.Collections.reverse(copy);
    return copy;
  }

  private Certificate register(String pem, CertificateStatus status) {
    return certificates.register(pem, status, CertificateMode.DEFAULT, Optional.empty());
  }
}
