package dev.iotctl.local.registry;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iotctl.core.error.IotException;
import dev.iotctl.core.pki.CertificateAuthority;
import dev.iotctl.core.pki.Csrs;
import dev.iotctl.core.pki.KeyPairs;
import dev.iotctl.core.pki.KeyType;
import dev.iotctl.core.pki.Pem;
import java.time.Duration;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Shared helpers: real certificates from a real CA, and AWS error assertions. */
final class Fixtures {
  private static final CertificateAuthority CA =
      CertificateAuthority.create("test CA", KeyType.EC_P256);

  private Fixtures() {}

  /** A fresh device certificate's PEM. */
  static String deviceCertificatePem(String commonName) {
    return Pem.toPem(
        CA.signCsr(
            Csrs.create(KeyPairs.generate(KeyType.EC_P256), commonName), Duration.ofDays(1)));
  }

  static void assertAwsError(ThrowingCallable call, String code, int status) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            IotException.class,
            e -> {
              org.assertj.core.api.Assertions.assertThat(e.errorCode()).isEqualTo(code);
              org.assertj.core.api.Assertions.assertThat(e.httpStatus()).isEqualTo(status);
            });
  }
}
