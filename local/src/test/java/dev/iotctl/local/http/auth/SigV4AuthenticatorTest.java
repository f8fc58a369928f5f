package dev.iotctl.local.http.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iotctl.core.error.IotException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SigV4AuthenticatorTest {
  private static final String SIG = "a".repeat(64);
  private static final Set<String> CONTROL = Set.of("execute-api", "iot");
  private final SigV4Authenticator strict = new SigV4Authenticator(false);

  @Test
  void acceptsWellFormedHeaderWithAnyDummyKey() {
    String header =
        "AWS4-HMAC-SHA256 Credential=dummy/20240101/us-east-1/execute-api/aws4_request, "
            + "SignedHeaders=host;x-amz-date, Signature="
            + SIG;
    assertThat(strict.authenticate(Optional.of(header), q -> Optional.empty(), CONTROL))
        .contains(new SigV4Credential("dummy", "20240101", "us-east-1", "execute-api"));
  }

  @Test
  void acceptsPresignedQuery() {
    Map<String, String> query =
        Map.of(
            "X-Amz-Algorithm", "AWS4-HMAC-SHA256",
            "X-Amz-Credential", "k/20240101/eu-west-1/iotdata/aws4_request",
            "X-Amz-Signature", SIG);
    assertThat(
            strict.authenticate(
                Optional.empty(), n -> Optional.ofNullable(query.get(n)), Set.of("iotdata")))
        .map(SigV4Credential::region)
        .contains("eu-west-1");
  }

  @Test
  void missingSignatureIsMissingAuthenticationToken() {
    assertRefused(null, "MissingAuthenticationTokenException");
    assertThat(
            new SigV4Authenticator(true)
                .authenticate(Optional.empty(), q -> Optional.empty(), CONTROL))
        .isEmpty();
  }

  @Test
  void garbledHeadersAreIncompleteSignatures() {
    assertRefused("Bearer abc", "IncompleteSignatureException");
    assertRefused(
        "AWS4-HMAC-SHA256 Credential=a/20240101/us-east-1/execute-api/aws4_request",
        "IncompleteSignatureException");
    assertRefused(
        "AWS4-HMAC-SHA256 Credential=a/2024/us-east-1/execute-api/aws4_request, SignedHeaders=host, Signature="
            + SIG,
        "IncompleteSignatureException");
    assertRefused(
        "AWS4-HMAC-SHA256 Credential=a/20240101/us-east-1/execute-api/aws4_request, SignedHeaders=host, Signature=xyz",
        "IncompleteSignatureException");
    assertRefused("AWS4-HMAC-SHA256 garbage", "IncompleteSignatureException");
  }

  @Test
  void credentialScopedToAnotherServiceIsInvalid() {
    assertRefused(
        "AWS4-HMAC-SHA256 Credential=a/20240101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature="
            + SIG,
        "InvalidSignatureException");
  }

  private void assertRefused(String header, String code) {
    assertThatThrownBy(
            () -> strict.authenticate(Optional.ofNullable(header), q -> Optional.empty(), CONTROL))
        .isInstanceOfSatisfying(
            IotException.class,
            e -> {
              assertThat(e.errorCode()).isEqualTo(code);
              assertThat(e.httpStatus()).isEqualTo(403);
            });
  }
}
