package dev.iotctl.cli.certs;

import dev.iotctl.core.pki.Pem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.Certificate;
import software.amazon.awssdk.services.iot.model.CertificateDescription;
import software.amazon.awssdk.services.iot.model.CertificateStatus;
import software.amazon.awssdk.services.iot.model.ListCertificatesResponse;

/**
 * Finds a certificate already created for a CSR's key pair (after a crash between the request and
 * the bundle being written), so a resumed issue completes it rather than creating a duplicate.
 */
final class CertificateLookup {
  /** Clock skew allowed between this machine and the service when scanning by creation date. */
  private static final Duration SKEW = Duration.ofMinutes(5);

  private final IotClient iot;

  CertificateLookup(IotClient iot) {
    this.iot = iot;
  }

  record Found(String id, String arn, String pem, String status) {}

  /**
   * Looks at the thing's principals first, then at certificates created since the CSR was written
   * (newest first).
   */
  Optional<Found> findByPublicKey(String thing, PKCS10CertificationRequest csr, Path csrFile) {
    byte[] wanted = publicKey(csr).getEncoded();
    try {
      for (String id : ThingCertificates.idsOf(iot, thing)) {
        Optional<Found> found = match(id, wanted);
        if (found.isPresent()) {
          return found;
        }
      }
    } catch (software.amazon.awssdk.services.iot.model.ResourceNotFoundException e) {
      // No thing yet: nothing can be attached to it.
    }
    Instant since = csrWritten(csrFile).minus(SKEW);
    String marker = null;
    do {
      String page = marker;
      ListCertificatesResponse response =
          iot.listCertificates(r -> r.ascendingOrder(false).pageSize(250).marker(page));
      for (Certificate c : response.certificates()) {
        if (c.creationDate() != null && c.creationDate().isBefore(since)) {
          return Optional.empty();
        }
        Optional<Found> found = match(c.certificateId(), wanted);
        if (found.isPresent()) {
          return found;
        }
      }
      marker = response.nextMarker();
    } while (marker != null);
    return Optional.empty();
  }

  private Optional<Found> match(String certificateId, byte[] wantedKey) {
    CertificateDescription d =
        iot.describeCertificate(r -> r.certificateId(certificateId)).certificateDescription();
    PublicKey key = Pem.parseCertificate(d.certificatePem()).getPublicKey();
    if (Arrays.equals(key.getEncoded(), wantedKey) && d.status() != CertificateStatus.REVOKED) {
      return Optional.of(
          new Found(d.certificateId(), d.certificateArn(), d.certificatePem(), d.statusAsString()));
    }
    return Optional.empty();
  }

  private static PublicKey publicKey(PKCS10CertificationRequest csr) {
    try {
      return new JcaPKCS10CertificationRequest(csr).getPublicKey();
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalArgumentException("the CSR's public key cannot be read", e);
    }
  }

  private static Instant csrWritten(Path csrFile) {
    try {
      return Files.getLastModifiedTime(csrFile).toInstant();
    } catch (IOException e) {
      return Instant.EPOCH;
    }
  }
}
