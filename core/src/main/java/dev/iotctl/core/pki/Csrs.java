package dev.iotctl.core.pki;

import dev.iotctl.core.error.IotException;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/** PKCS#10 certificate signing requests: creation, PEM form, parsing and signature check. */
public final class Csrs {
  static final String INVALID_CSR = "The certificate signing request is not valid";

  private Csrs() {}

  /** A CSR for {@code CN=commonName}, signed with the key pair's private key. */
  public static PKCS10CertificationRequest create(KeyPair keyPair, String commonName) {
    X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
    try {
      ContentSigner signer =
          new JcaContentSignerBuilder(KeyType.of(keyPair.getPrivate()).signatureAlgorithm())
              .build(keyPair.getPrivate());
      return new JcaPKCS10CertificationRequestBuilder(subject, keyPair.getPublic()).build(signer);
    } catch (OperatorCreationException e) {
      throw new IllegalStateException("cannot sign the CSR", e);
    }
  }

  /** The CSR as a {@code CERTIFICATE REQUEST} PEM block. */
  public static String toPem(PKCS10CertificationRequest csr) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(csr);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /**
   * The first CSR in the PEM text.
   *
   * @throws IotException {@code InvalidRequestException} (400) when there is none or it is
   *     malformed
   */
  public static PKCS10CertificationRequest parsePem(String pem) {
    try (PEMParser parser = new PEMParser(new StringReader(pem == null ? "" : pem))) {
      for (Object block = parser.readObject(); block != null; block = parser.readObject()) {
        if (block instanceof PKCS10CertificationRequest csr) {
          return csr;
        }
      }
    } catch (IOException | RuntimeException e) {
      throw IotException.invalidRequest(INVALID_CSR);
    }
    throw IotException.invalidRequest(INVALID_CSR);
  }

  /**
   * Checks that the CSR is signed by the private key matching the public key it carries (proof of
   * possession).
   *
   * @throws IotException {@code InvalidRequestException} (400) when the signature does not verify
   */
  public static void verifySignature(PKCS10CertificationRequest csr) {
    boolean valid;
    try {
      valid =
          csr.isSignatureValid(
              new JcaContentVerifierProviderBuilder()
                  .build(KeyType.publicKey(csr.getSubjectPublicKeyInfo())));
    } catch (OperatorCreationException
        | PKCSException
        | GeneralSecurityException
        | RuntimeException e) {
      valid = false;
    }
    if (!valid) {
      throw IotException.invalidRequest(INVALID_CSR);
    }
  }
}
