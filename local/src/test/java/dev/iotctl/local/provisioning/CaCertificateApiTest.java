package dev.iotctl.local.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iotctl.core.pki.CertificateAuthority;
import dev.iotctl.core.pki.Pem;
import dev.iotctl.local.gateway.TestPki;
import dev.iotctl.local.http.AwsClients;
import dev.iotctl.local.http.HttpApiConfig;
import dev.iotctl.local.http.StandIn;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.AutoRegistrationStatus;
import software.amazon.awssdk.services.iot.model.CACertificateStatus;
import software.amazon.awssdk.services.iot.model.CertificateMode;
import software.amazon.awssdk.services.iot.model.CertificateStatus;
import software.amazon.awssdk.services.iot.model.IotException;
import software.amazon.awssdk.services.iot.model.RegisterCaCertificateResponse;
import software.amazon.awssdk.services.iot.model.ResourceAlreadyExistsException;

/** The CA certificate operations through the AWS SDK for Java v2, against a real stand-in. */
class CaCertificateApiTest {
  @TempDir Path dir;
  StandIn standIn;
  IotClient iot;
  final CertificateAuthority factoryCa = FactoryPki.ca("Factory CA 1");

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

  private String code() {
    return iot.getRegistrationCode(b -> {}).registrationCode();
  }

  private RegisterCaCertificateResponse registerFactoryCa(boolean active) {
    return iot.registerCACertificate(
        b ->
            b.caCertificate(Pem.toPem(factoryCa.certificate()))
                .verificationCertificate(FactoryPki.verificationCertificate(factoryCa, code()))
                .setAsActive(active));
  }

  @Test
  void theRegistrationCodeIsStableAnd64HexDigits() {
    assertThat(code()).matches("[0-9a-f]{64}").isEqualTo(code());
  }

  @Test
  void registerDescribeListUpdateDelete() {
    RegisterCaCertificateResponse registered = registerFactoryCa(false);
    assertThat(registered.certificateArn())
        .isEqualTo(
            "arn:aws:iot:us-east-1:"
                + StandIn.ACCOUNT_ID
                + ":cacert/"
                + registered.certificateId());

    var description =
        iot.describeCACertificate(b -> b.certificateId(registered.certificateId()))
            .certificateDescription();
    assertThat(description.status()).isEqualTo(CACertificateStatus.INACTIVE);
    assertThat(description.autoRegistrationStatus()).isEqualTo(AutoRegistrationStatus.DISABLE);
    assertThat(description.certificateMode()).isEqualTo(CertificateMode.DEFAULT);
    assertThat(description.ownedBy()).isEqualTo(StandIn.ACCOUNT_ID);
    assertThat(description.customerVersion()).isEqualTo(1);
    assertThat(Pem.parseCertificate(description.certificatePem()))
        .isEqualTo(factoryCa.certificate());

    iot.updateCACertificate(
        b ->
            b.certificateId(registered.certificateId())
                .newStatus(CACertificateStatus.ACTIVE)
                .newAutoRegistrationStatus(AutoRegistrationStatus.ENABLE));
    description =
        iot.describeCACertificate(b -> b.certificateId(registered.certificateId()))
            .certificateDescription();
    assertThat(description.status()).isEqualTo(CACertificateStatus.ACTIVE);
    assertThat(description.autoRegistrationStatus()).isEqualTo(AutoRegistrationStatus.ENABLE);
    assertThat(description.customerVersion()).isEqualTo(2);
    assertThat(iot.listCACertificates(b -> {}).certificates())
        .singleElement()
        .satisfies(c -> assertThat(c.certificateId()).isEqualTo(registered.certificateId()));

    assertAwsError(
        () -> iot.deleteCACertificate(b -> b.certificateId(registered.certificateId())),
        "CertificateStateException",
        406);
    iot.updateCACertificate(
        b -> b.certificateId(registered.certificateId()).newStatus(CACertificateStatus.INACTIVE));
    iot.deleteCACertificate(b -> b.certificateId(registered.certificateId()));
    assertAwsError(
        () -> iot.describeCACertificate(b -> b.certificateId(registered.certificateId())),
        "ResourceNotFoundException",
        404);
  }

  @Test
  void theVerificationCertificateMustCarryTheCodeAndBeSignedByTheCa() {
    String ca = Pem.toPem(factoryCa.certificate());
    assertAwsError(
        () ->
            iot.registerCACertificate(
                b ->
                    b.caCertificate(ca)
                        .verificationCertificate(
                            FactoryPki.verificationCertificate(factoryCa, "0".repeat(64)))),
        "RegistrationCodeValidationException",
        400);
    CertificateAuthority other = FactoryPki.ca("Someone else");
    assertAwsError(
        () ->
            iot.registerCACertificate(
                b ->
                    b.caCertificate(ca)
                        .verificationCertificate(
                            FactoryPki.verificationCertificate(other, code()))),
        "CertificateValidationException",
        400);
    assertAwsError(
        () -> iot.registerCACertificate(b -> b.caCertificate(ca)), "InvalidRequestException", 400);
    TestPki.Issued leaf = FactoryPki.device(factoryCa, "CN=not-a-ca");
    assertAwsError(
        () ->
            iot.registerCACertificate(
                b ->
                    b.caCertificate(leaf.certificatePem())
                        .certificateMode(CertificateMode.SNI_ONLY)),
        "CertificateValidationException",
        400);
    assertThat(iot.listCACertificates(b -> {}).certificates()).isEmpty();
  }

  @Test
  void registeringTheSameCaTwiceNamesTheExistingOne() {
    String id = registerFactoryCa(true).certificateId();
    assertThatThrownBy(() -> registerFactoryCa(true))
        .isInstanceOfSatisfying(
            ResourceAlreadyExistsException.class,
            e -> {
              assertThat(e.resourceId()).isEqualTo(id);
              assertThat(e.statusCode()).isEqualTo(409);
            });
  }

  @Test
  void sniOnlyNeedsNoVerificationCertificate() {
    String id =
        iot.registerCACertificate(
                b ->
                    b.caCertificate(Pem.toPem(factoryCa.certificate()))
                        .certificateMode(CertificateMode.SNI_ONLY)
                        .setAsActive(true))
            .certificateId();
    assertThat(
            iot.describeCACertificate(b -> b.certificateId(id))
                .certificateDescription()
                .certificateMode())
        .isEqualTo(CertificateMode.SNI_ONLY);
  }

  @Test
  void deviceCertificatesNeedAnActiveRegisteredCa() {
    String caId = registerFactoryCa(false).certificateId();
    TestPki.Issued device = FactoryPki.device(factoryCa, "CN=sensor-1");
    String caPem = Pem.toPem(factoryCa.certificate());

    assertAwsError(
        () ->
            iot.registerCertificate(
                b -> b.certificatePem(device.certificatePem()).caCertificatePem(caPem)),
        "CertificateStateException",
        406);
    iot.updateCACertificate(b -> b.certificateId(caId).newStatus(CACertificateStatus.ACTIVE));
    String id =
        iot.registerCertificate(
                b ->
                    b.certificatePem(device.certificatePem())
                        .caCertificatePem(caPem)
                        .status(CertificateStatus.ACTIVE))
            .certificateId();

    assertThat(id).isEqualTo(device.id());
    var description = iot.describeCertificate(b -> b.certificateId(id)).certificateDescription();
    assertThat(description.caCertificateId()).isEqualTo(caId);
    assertThat(description.status()).isEqualTo(CertificateStatus.ACTIVE);
    assertThat(iot.listCertificatesByCA(b -> b.caCertificateId(caId)).certificates())
        .singleElement()
        .satisfies(c -> assertThat(c.certificateId()).isEqualTo(id));

    // Without caCertificatePem the registered CA that signed it is found.
    TestPki.Issued second = FactoryPki.device(factoryCa, "CN=sensor-2");
    iot.registerCertificate(b -> b.certificatePem(second.certificatePem()));
    assertThat(iot.listCertificatesByCA(b -> b.caCertificateId(caId)).certificates()).hasSize(2);

    // Signed by a CA nobody registered.
    TestPki.Issued stranger = FactoryPki.device(FactoryPki.ca("Unregistered"), "CN=x");
    assertAwsError(
        () -> iot.registerCertificate(b -> b.certificatePem(stranger.certificatePem())),
        "CertificateValidationException",
        400);
  }

  @Test
  void aRegistrationConfigNamesAnExistingJitpTemplate() {
    assertAwsError(
        () ->
            iot.registerCACertificate(
                b ->
                    b.caCertificate(Pem.toPem(factoryCa.certificate()))
                        .verificationCertificate(
                            FactoryPki.verificationCertificate(factoryCa, code()))
                        .registrationConfig(c -> c.templateName("no-such-template"))),
        "ResourceNotFoundException",
        404);
    assertAwsError(
        () ->
            iot.registerCACertificate(
                b ->
                    b.caCertificate(Pem.toPem(factoryCa.certificate()))
                        .verificationCertificate(
                            FactoryPki.verificationCertificate(factoryCa, code()))
                        .registrationConfig(
                            c ->
                                c.templateBody(
                                        "{\"Resources\":{\"x\":{\"Type\":\"AWS::S3::Bucket\"}}}")
                                    .roleArn("arn:aws:iam::123456789012:role/JITPRole"))),
        "InvalidRequestException",
        400);
  }

  static void assertAwsError(Runnable call, String code, int status) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            IotException.class,
            e -> {
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
              assertThat(e.statusCode()).isEqualTo(status);
            });
  }
}
