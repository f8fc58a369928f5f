package dev.iotctl.cdk.constructs;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.services.iot.CfnCertificate;
import software.constructs.Construct;

/**
 * A device's X.509 certificate: AWS IoT signs a CSR ({@code CertificateSigningRequest}) or a given
 * certificate is registered ({@code CertificatePem}, DEFAULT mode with its CA, SNI_ONLY without).
 * Only public material is read; a file containing a private key fails synthesis.
 */
public class DeviceCertificate extends Construct {
  private static final Set<String> STATUSES = Set.of("ACTIVE", "INACTIVE");

  private final CfnCertificate certificate;

  public DeviceCertificate(Construct scope, String id, DeviceCertificateProps props) {
    super(scope, id);
    String thing = props.getThingName();
    List<String> problems = new ArrayList<>();
    CfnCertificate.Builder builder =
        CfnCertificate.Builder.create(this, "Certificate").status(props.getStatus());
    if (!STATUSES.contains(props.getStatus())) {
      problems.add("thing '" + thing + "': certificate status must be ACTIVE or INACTIVE");
    }
    boolean hasCsr = props.getCsrFile() != null;
    boolean hasPem = props.getCertificateFile() != null;
    try {
      if (hasCsr == hasPem) {
        problems.add("thing '" + thing + "': certificate needs exactly one of csr or pem");
      } else if (hasCsr) {
        if (props.getCaCertificateFile() != null) {
          problems.add("thing '" + thing + "': ca applies to pem certificates, not to csr");
        }
        builder.certificateSigningRequest(PemFiles.readCsr(props.getCsrFile()));
      } else if (props.getCaCertificateFile() != null) {
        builder
            .certificateMode("DEFAULT")
            .certificatePem(PemFiles.readCertificate(props.getCertificateFile()))
            .caCertificatePem(PemFiles.readCertificate(props.getCaCertificateFile()));
      } else {
        builder
            .certificateMode("SNI_ONLY")
            .certificatePem(PemFiles.readCertificate(props.getCertificateFile()));
      }
    } catch (IllegalArgumentException e) {
      problems.add("thing '" + thing + "': certificate: " + e.getMessage());
    }
    this.certificate = builder.build();
    CfnOutput.Builder.create(this, "Arn")
        .description("Certificate ARN of thing " + thing)
        .value(certificate.getAttrArn())
        .build();
    Problems.report(this, problems);
  }

  /** The certificate ARN (known after deployment), for attachments. */
  public String getCertificateArn() {
    return certificate.getAttrArn();
  }
}
