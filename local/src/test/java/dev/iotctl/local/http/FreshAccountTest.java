package dev.iotctl.local.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iotctl.core.pki.CertificateIds;
import dev.iotctl.core.pki.Pem;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * boto3 against a new stand-in: no certificate, policy or other resource is visible, and the
 * operator identity the stand-in keeps for its tools is out of every operation's reach.
 */
@Tag("peers")
class FreshAccountTest {
  @TempDir Path dir;
  private StandIn standIn;

  @BeforeEach
  void start() {
    PeerScripts.assumeBoto3();
    standIn = new StandIn(dir.resolve("data"), HttpApiConfig.defaults());
  }

  @AfterEach
  void stop() {
    if (standIn != null) {
      standIn.close();
    }
  }

  @Test
  void theOperatorIdentityIsInvisibleToCustomers() throws Exception {
    String operatorId =
        CertificateIds.of(
            Pem.parseCertificate(
                Files.readString(standIn.core.operatorDir().resolve("certificate.pem.crt"))));
    PeerScripts.Result result =
        PeerScripts.python(
            dir.resolve("home"), "fidelity/fresh_account.py", standIn.url().toString(), operatorId);
    assertThat(result.output()).as(result.output()).contains("FRESH OK");
    assertThat(standIn.core.registry().certificates().findForConnection(operatorId))
        .hasValueSatisfying(identity -> assertThat(identity.policies()).hasSize(1));
  }
}
