package dev.iotctl.cli.certs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotctl.cli.framework.CliException;
import dev.iotctl.cli.framework.ExitCodes;
import dev.iotctl.cli.framework.Json;
import dev.iotctl.core.pki.CertificateAuthority;
import dev.iotctl.core.pki.CertificateIds;
import dev.iotctl.core.pki.KeyPairs;
import dev.iotctl.core.pki.KeyType;
import dev.iotctl.core.pki.Pem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;

/**
 * A factory line's signing: device key pairs made here and certificates signed with your own CA's
 * key, no call to AWS. Each bundle ({@code OUT/DEVICE/}) holds the certificate followed by the CA
 * certificate (the chain a device presents on its first connection, when AWS registers or
 * provisions it just in time), the private key (0600) and the CA certificate alone. An existing
 * bundle is never overwritten.
 */
final class OfflineIssuer {
  static final String CA_CERTIFICATE = "ca.pem.crt";
  static final Duration VALIDITY = Duration.ofDays(3650);

  private final CertificateAuthority ca;
  private final KeyType keyType;
  private final String subjectTemplate;
  private final Path out;

  /**
   * @param subjectTemplate the certificate subject, {@code {device}} standing for the device name,
   *     e.g. {@code CN={device},SERIALNUMBER={device}}
   */
  OfflineIssuer(CertificateAuthority ca, KeyType keyType, String subjectTemplate, Path out) {
    this.ca = ca;
    this.keyType = keyType;
    this.subjectTemplate = subjectTemplate;
    this.out = out;
  }

  /** Issues one bundle; a conflict when the device already has one. */
  ObjectNode issue(String device) {
    Path dir = out.resolve(device);
    if (Files.exists(dir.resolve(DeviceBundle.PRIVATE_KEY))) {
      throw new CliException(ExitCodes.CONFLICT, dir + " already holds a device bundle");
    }
    String subject = subjectTemplate.replace("{device}", device);
    KeyPair keys = KeyPairs.generate(keyType);
    X509Certificate certificate;
    try {
      certificate = ca.issueDeviceCertificateNamed(keys.getPublic(), subject, VALIDITY);
    } catch (IllegalArgumentException e) {
      throw new CliException(ExitCodes.USAGE, "--subject is not a distinguished name: " + subject);
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new CliException(ExitCodes.FAILURE, "cannot create " + dir + ": " + e.getMessage());
    }
    Pem.writePrivateKey(dir.resolve(DeviceBundle.PRIVATE_KEY), keys.getPrivate());
    Pem.writeAtomically(dir.resolve(CA_CERTIFICATE), Pem.toPem(ca.certificate()));
    // Written last: its presence means the bundle is complete.
    Pem.writeAtomically(
        dir.resolve(DeviceBundle.CERTIFICATE),
        Pem.toPem(certificate) + Pem.toPem(ca.certificate()));
    ObjectNode result = Json.MAPPER.createObjectNode();
    result
        .put("device", device)
        .put("subject", certificate.getSubjectX500Principal().getName())
        .put("certificateId", CertificateIds.of(certificate))
        .put("directory", dir.toString());
    return result;
  }

  /** Issues a bundle per device, skipping those that have one; a summary with the counts. */
  JsonNode issueAll(List<String> devices) {
    ObjectNode summary = Json.MAPPER.createObjectNode();
    int issued = 0;
    ArrayNode skipped = Json.MAPPER.createArrayNode();
    for (String device : devices) {
      if (Files.exists(out.resolve(device).resolve(DeviceBundle.CERTIFICATE))) {
        skipped.add(device);
        continue;
      }
      issue(device);
      issued++;
    }
    summary.put("issued", issued).put("skippedCount", skipped.size()).set("skipped", skipped);
    return summary;
  }
}
