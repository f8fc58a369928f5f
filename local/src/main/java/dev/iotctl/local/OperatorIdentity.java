package dev.iotctl.local;

import dev.iotctl.core.pki.CertificateAuthority;
import dev.iotctl.core.pki.CertificateIds;
import dev.iotctl.core.pki.KeyPairs;
import dev.iotctl.core.pki.KeyType;
import dev.iotctl.core.pki.Pem;
import dev.iotctl.core.policy.PolicyTemplate;
import dev.iotctl.local.registry.Registry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;

/**
 * The operator identity for tooling such as {@code iotctl shadow watch}: a real certificate issued
 * by the stand-in's CA, registered ACTIVE, with the stand-in-managed policy {@value #POLICY_NAME}
 * that allows connecting as {@code iotctl-operator-*} and subscribing to and receiving every topic,
 * and publishing nothing. Its bundle lives in {@code DIR/operator/}: {@code certificate.pem.crt},
 * {@code private.pem.key} (0600) and {@code root-ca.pem}.
 *
 * <p>Both are service-managed: the gateway honours them, but a fresh stand-in looks like a fresh
 * account — no list shows them and every operation on them answers as for a resource that does not
 * exist. The policy's name has a colon, which the API refuses in policy names, so a customer's
 * policy can never collide with it.
 */
final class OperatorIdentity {
  static final String POLICY_NAME = "iotctl:operator";
  static final String CLIENT_ID_PREFIX = "iotctl-operator-";

  private static final String POLICY =
      """
      {
        "Version": "2012-10-17",
        "Statement": [
          {
            "Effect": "Allow",
            "Action": "iot:Connect",
            "Resource": "arn:aws:iot:{{region}}:{{account}}:client/iotctl-operator-*"
          },
          {
            "Effect": "Allow",
            "Action": "iot:Subscribe",
            "Resource": "arn:aws:iot:{{region}}:{{account}}:topicfilter/*"
          },
          {
            "Effect": "Allow",
            "Action": "iot:Receive",
            "Resource": "arn:aws:iot:{{region}}:{{account}}:topic/*"
          }
        ]
      }
      """;

  private static final Duration VALIDITY = Duration.ofDays(3650);

  private OperatorIdentity() {}

  /**
   * Makes sure the bundle exists and its certificate is registered with the operator policy
   * attached; returns the bundle's directory.
   */
  static Path ensure(
      Path dataDir, CertificateAuthority ca, Registry registry, LocalIotCoreConfig c) {
    Path dir = dataDir.resolve("operator");
    Path certFile = dir.resolve("certificate.pem.crt");
    Path keyFile = dir.resolve("private.pem.key");
    X509Certificate certificate;
    if (Files.exists(certFile) && Files.exists(keyFile)) {
      certificate = Pem.parseCertificate(read(certFile));
    } else {
      KeyPair keys = KeyPairs.generate(KeyType.EC_P256);
      certificate = ca.issueDeviceCertificate(keys.getPublic(), "iotctl-operator", VALIDITY);
      Pem.writePrivateKey(keyFile, keys.getPrivate());
      Pem.writeAtomically(certFile, Pem.toPem(certificate));
    }
    Pem.writeAtomically(dir.resolve("root-ca.pem"), Pem.toPem(ca.certificate()));

    String id = CertificateIds.of(certificate);
    registry.certificates().registerServiceManaged(Pem.toPem(certificate));
    registry
        .policies()
        .ensureServiceManaged(
            POLICY_NAME, PolicyTemplate.render(POLICY, c.region(), c.accountId()));
    registry.policies().attachServiceManaged(POLICY_NAME, c.registryConfig().arn("cert", id));
    return dir;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
