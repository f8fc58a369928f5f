package dev.iotctl.local.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iotctl.core.pki.Pem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real clients against the stand-in: CreateKeysAndCertificate's PKCS#1 key (as the AWS CLI writes
 * it), UpdateThing's version and {@code expectedVersion}, AWS's wording of errors (boto3).
 */
@Tag("peers")
class ShapesAndMessagesTest {
  @TempDir Path dir;
  private StandIn standIn;

  @BeforeEach
  void start() {
    standIn = new StandIn(dir.resolve("data"), HttpApiConfig.defaults());
  }

  @AfterEach
  void stop() {
    standIn.close();
  }

  @Test
  void shapesAndErrorMessagesAreAws() {
    PeerScripts.assumeBoto3();
    PeerScripts.Result result =
        PeerScripts.python(dir.resolve("home"), "fidelity/shapes.py", standIn.url().toString());
    assertThat(result.output()).as(result.output()).contains("SHAPES OK");
  }

  @Test
  void theCliWritesAPkcs1KeyThatMatchesTheCertificate() throws Exception {
    PeerScripts.assumeAwsCli();
    Path key = dir.resolve("key.pem");
    Path cert = dir.resolve("cert.pem");
    PeerScripts.Result result =
        PeerScripts.run(
            dir.resolve("home"),
            List.of(
                PeerScripts.AWS_CLI.toString(),
                "iot",
                "create-keys-and-certificate",
                "--set-as-active",
                "--endpoint-url",
                standIn.url().toString(),
                "--private-key-outfile",
                key.toString(),
                "--certificate-pem-outfile",
                cert.toString()));
    assertThat(result.exitCode()).as(result.output()).isZero();

    String pem = Files.readString(key);
    assertThat(pem).startsWith("-----BEGIN RSA PRIVATE KEY-----\n");
    RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) Pem.parsePrivateKey(pem);
    RSAPublicKey publicKey =
        (RSAPublicKey) Pem.parseCertificate(Files.readString(cert)).getPublicKey();
    assertThat(privateKey.getModulus()).isEqualTo(publicKey.getModulus());
  }
}
