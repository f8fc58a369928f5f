package dev.iotctl.cdk.iot;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.Resource;
import software.amazon.awscdk.ResourceProps;
import software.amazon.awscdk.services.iot.CfnCertificate;
import software.amazon.awscdk.services.iot.CfnThingPrincipalAttachment;
import software.constructs.Construct;

/**
 * A device's X.509 certificate ({@code AWS::IoT::Certificate}): AWS IoT signs a CSR ({@code
 * CertificateSigningRequest}) or a given certificate is registered ({@code CertificatePem}, DEFAULT
 * mode with its CA, SNI_ONLY without). Only public material is read; a file containing a private
 * key fails synthesis.
 */
public class DeviceCertificate extends Resource implements IDeviceCertificate {
  private static final Set<String> STATUSES = Set.of("ACTIVE", "INACTIVE");

  private final CfnCertificate certificate;
  private final String certificateArn;

  public DeviceCertificate(Construct scope, String id, DeviceCertificateProps props) {
    super(scope, id);
    String what =
        props.getDescription() != null ? props.getDescription() : "'" + getNode().getPath() + "'";
    List<String> problems = new ArrayList<>();
    CfnCertificate.Builder builder =
        CfnCertificate.Builder.create(this, "Resource").status(props.getStatus());
    if (!STATUSES.contains(props.getStatus())) {
      problems.add(what + ": certificate status must be ACTIVE or INACTIVE");
    }
    boolean hasCsr = props.getCsrFile() != null;
    boolean hasPem = props.getCertificateFile() != null;
    try {
      if (hasCsr == hasPem) {
        problems.add(what + ": certificate needs exactly one of csr or pem");
      } else if (hasCsr) {
        if (props.getCaCertificateFile() != null) {
          problems.add(what + ": ca applies to pem certificates, not to csr");
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
      problems.add(what + ": certificate: " + e.getMessage());
    }
    this.certificate = builder.build();
    this.certificateArn = certificate.getAttrArn();
    Problems.report(this, problems);
  }

  /** A certificate registered outside this app, by ARN. */
  public static IDeviceCertificate fromCertificateArn(
      Construct scope, String id, String certificateArn) {
    return new Imported(scope, id, certificateArn);
  }

  @Override
  public String getCertificateArn() {
    return certificateArn;
  }

  @Override
  public String getCertificateId() {
    return certificate.getAttrId();
  }

  @Override
  public String getPrincipalArn() {
    return getCertificateArn();
  }

  @Override
  public CfnThingPrincipalAttachment attachToThing(IThing thing) {
    return attach(this, thing);
  }

  /** The underlying L1 resource. */
  public CfnCertificate getCfnCertificate() {
    return certificate;
  }

  static CfnThingPrincipalAttachment attach(IDeviceCertificate certificate, IThing thing) {
    CfnThingPrincipalAttachment attachment =
        CfnThingPrincipalAttachment.Builder.create(
                Scopes.of(certificate), "ThingAttachment" + Scopes.id(thing))
            .thingName(thing.getThingName())
            .principal(certificate.getCertificateArn())
            .build();
    return attachment;
  }

  private static final class Imported extends Resource implements IDeviceCertificate {
    private final String arn;

    Imported(Construct scope, String id, String arn) {
      super(scope, id, ResourceProps.builder().environmentFromArn(arn).build());
      this.arn = arn;
    }

    @Override
    public String getCertificateArn() {
      return arn;
    }

    @Override
    public String getCertificateId() {
      return Fn.select(1, Fn.split("/", arn));
    }

    @Override
    public String getPrincipalArn() {
      return arn;
    }

    @Override
    public CfnThingPrincipalAttachment attachToThing(IThing thing) {
      return attach(this, thing);
    }
  }
}
