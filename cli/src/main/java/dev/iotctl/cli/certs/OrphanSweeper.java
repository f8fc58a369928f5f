package dev.iotctl.cli.certs;

import dev.iotctl.core.pki.Csrs;
import dev.iotctl.core.pki.Pem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.Certificate;
import software.amazon.awssdk.services.iot.model.CertificateDescription;
import software.amazon.awssdk.services.iot.model.CertificateStatus;
import software.amazon.awssdk.services.iot.model.ListCertificatesResponse;
import software.amazon.awssdk.services.iot.model.Policy;

/**
 * Removes certificates a bulk run created but no bundle uses: a request in flight when the run was
 * killed can still complete on the service after the resumed run has issued that device another
 * certificate. Only certificates carrying the public key of one of this run's CSRs are touched, so
 * nobody else's certificate is.
 */
final class OrphanSweeper {
  private static final Duration SKEW = Duration.ofMinutes(5);

  private final IotClient iot;

  OrphanSweeper(IotClient iot) {
    this.iot = iot;
  }

  /** Returns the ids of the certificates it deleted. */
  List<String> sweep(Instant runStarted, List<IssueRequest> requests) {
    Set<String> inUse = new HashSet<>();
    Map<String, String> csrKeys = new HashMap<>();
    for (IssueRequest request : requests) {
      DeviceBundle.read(request.bundleDir()).ifPresent(b -> inUse.add(b.certificateId()));
      Path csr = request.bundleDir().resolve(CertificateIssuer.CSR_FILE);
      if (Files.exists(csr)) {
        csrKeys.put(publicKeyOf(csr), request.device());
      }
    }
    Instant since = runStarted.minus(SKEW);
    List<String> deleted = new java.util.ArrayList<>();
    String marker = null;
    do {
      String page = marker;
      ListCertificatesResponse response =
          iot.listCertificates(r -> r.ascendingOrder(false).pageSize(250).marker(page));
      for (Certificate c : response.certificates()) {
        if (c.creationDate() != null && c.creationDate().isBefore(since)) {
          return deleted;
        }
        if (inUse.contains(c.certificateId())) {
          continue;
        }
        CertificateDescription d =
            iot.describeCertificate(r -> r.certificateId(c.certificateId()))
                .certificateDescription();
        String key =
            Base64.getEncoder()
                .encodeToString(
                    Pem.parseCertificate(d.certificatePem()).getPublicKey().getEncoded());
        if (csrKeys.containsKey(key)) {
          delete(d);
          deleted.add(d.certificateId());
        }
      }
      marker = response.nextMarker();
    } while (marker != null);
    return deleted;
  }

  private void delete(CertificateDescription d) {
    String arn = d.certificateArn();
    for (String thing :
        iot.listPrincipalThingsPaginator(r -> r.principal(arn)).things().stream().toList()) {
      iot.detachThingPrincipal(r -> r.thingName(thing).principal(arn));
    }
    for (Policy p :
        iot.listAttachedPoliciesPaginator(r -> r.target(arn)).policies().stream().toList()) {
      iot.detachPolicy(r -> r.policyName(p.policyName()).target(arn));
    }
    if (d.status() == CertificateStatus.ACTIVE) {
      iot.updateCertificate(
          r -> r.certificateId(d.certificateId()).newStatus(CertificateStatus.INACTIVE));
    }
    iot.deleteCertificate(r -> r.certificateId(d.certificateId()));
  }

  private static String publicKeyOf(Path csrFile) {
    try {
      return Base64.getEncoder()
          .encodeToString(
              new JcaPKCS10CertificationRequest(Csrs.parsePem(Files.readString(csrFile)))
                  .getPublicKey()
                  .getEncoded());
    } catch (IOException | java.security.GeneralSecurityException e) {
      throw new IllegalStateException("cannot read " + csrFile, e);
    }
  }
}
