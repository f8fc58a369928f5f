package dev.iotctl.cli.local.apply;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.CertificateStatus;

/**
 * {@code AWS::IoT::Certificate}: from a CSR (signed by the target's CA) or a registered PEM. A
 * certificate cannot be re-created identically, so an applied one counts as present while {@code
 * DescribeCertificate} finds it.
 */
final class CertificateHandler implements ResourceHandler {
  private final IotClient iot;

  CertificateHandler(IotClient iot) {
    this.iot = iot;
  }

  @Override
  public Physical create(String name, JsonNode properties) {
    String status = Sdk.text(properties, "Status");
    String csr = Sdk.text(properties, "CertificateSigningRequest");
    String pem = Sdk.text(properties, "CertificatePem");
    String id;
    String arn;
    if (csr != null) {
      var created =
          iot.createCertificateFromCsr(
              r -> r.certificateSigningRequest(csr).setAsActive("ACTIVE".equals(status)));
      id = created.certificateId();
      arn = created.certificateArn();
      if (status != null && !status.equals("ACTIVE") && !status.equals("INACTIVE")) {
        iot.updateCertificate(r -> r.certificateId(created.certificateId()).newStatus(status));
      }
    } else if (pem != null) {
      String caPem = Sdk.text(properties, "CACertificatePem");
      CertificateStatus wanted = CertificateStatus.fromValue(status == null ? "INACTIVE" : status);
      if (caPem == null || "SNI_ONLY".equals(Sdk.text(properties, "CertificateMode"))) {
        var registered =
            iot.registerCertificateWithoutCA(r -> r.certificatePem(pem).status(wanted));
        id = registered.certificateId();
        arn = registered.certificateArn();
      } else {
        var registered =
            iot.registerCertificate(
                r -> r.certificatePem(pem).caCertificatePem(caPem).status(wanted));
        id = registered.certificateId();
        arn = registered.certificateArn();
      }
    } else {
      throw new ApplyException("needs CertificateSigningRequest or CertificatePem");
    }
    return new Physical(id, Map.of("Arn", arn, "Id", id));
  }

  @Override
  public void update(AppliedResource applied, JsonNode properties) {
    iot.updateCertificate(
        r -> r.certificateId(applied.physicalId()).newStatus(Sdk.required(properties, "Status")));
  }

  @Override
  public boolean exists(AppliedResource applied) {
    return Sdk.found(() -> iot.describeCertificate(r -> r.certificateId(applied.physicalId())));
  }

  @Override
  public void delete(AppliedResource applied) {
    String id = applied.physicalId();
    var described = Sdk.orNull(() -> iot.describeCertificate(r -> r.certificateId(id)));
    if (described == null) {
      return;
    }
    // AWS deletes only certificates that are not ACTIVE.
    if (described.certificateDescription().status() == CertificateStatus.ACTIVE) {
      iot.updateCertificate(r -> r.certificateId(id).newStatus(CertificateStatus.INACTIVE));
    }
    Sdk.ignoringNotFound(() -> iot.deleteCertificate(r -> r.certificateId(id)));
  }
}
