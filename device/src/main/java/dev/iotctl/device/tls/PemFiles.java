package dev.iotctl.device.tls;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * Reads the PEM files AWS IoT hands a device: certificates (one or a chain) and an unencrypted
 * private key, RSA or EC, in PKCS#8 ({@code BEGIN PRIVATE KEY}) or traditional form ({@code BEGIN
 * RSA PRIVATE KEY} / {@code BEGIN EC PRIVATE KEY}, as {@code CreateKeysAndCertificate} returns).
 */
public final class PemFiles {
  private PemFiles() {}

  /** All certificates in a PEM file, in file order; fails if there is none. */
  public static List<X509Certificate> readCertificates(Path file) throws IOException {
    List<X509Certificate> certificates = new ArrayList<>();
    JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
    try (PEMParser parser = parser(file)) {
      for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
        if (object instanceof X509CertificateHolder holder) {
          certificates.add(converter.getCertificate(holder));
        }
      }
    } catch (CertificateException e) {
      throw new IOException("Invalid certificate in " + file, e);
    }
    if (certificates.isEmpty()) {
      throw new IOException("No PEM certificate found in " + file);
    }
    return certificates;
  }

  /** The first private key in a PEM file (PKCS#8, PKCS#1 RSA or SEC1 EC). */
  public static PrivateKey readPrivateKey(Path file) throws IOException {
    JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
    try (PEMParser parser = parser(file)) {
      for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
        if (object instanceof PEMKeyPair keyPair) {
          // Not getKeyPair(): SEC1 makes the public key optional and it may be absent.
          return converter.getPrivateKey(keyPair.getPrivateKeyInfo());
        }
        if (object instanceof PrivateKeyInfo keyInfo) {
          return converter.getPrivateKey(keyInfo);
        }
      }
    }
    // The message names the file only: never echo key material.
    throw new IOException("No unencrypted PEM private key found in " + file);
  }

  private static PEMParser parser(Path file) throws IOException {
    Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
    return new PEMParser(reader);
  }
}
