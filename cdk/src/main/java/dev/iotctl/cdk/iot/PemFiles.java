package dev.iotctl.cdk.iot;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * Reads the public PEM files a fleet names (CSRs, certificates) and refuses any file holding a
 * private key, so key material can never reach a template.
 */
final class PemFiles {
  private PemFiles() {}

  /** Reads a file that must hold exactly one PEM object of {@code type}. */
  static String read(Path file, Class<?> type) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("file not found: " + file);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
    }
    if (text.contains("PRIVATE KEY")) {
      throw new IllegalArgumentException(
          file + " contains a private key; only the public CSR or certificate may be referenced");
    }
    try (PEMParser parser = new PEMParser(new StringReader(text))) {
      Object object = parser.readObject();
      if (!type.isInstance(object)) {
        throw new IllegalArgumentException(file + " is not a PEM " + describe(type));
      }
      return text.strip() + "\n";
    } catch (IOException e) {
      throw new IllegalArgumentException(file + " is not a PEM " + describe(type));
    }
  }

  static String readCsr(Path file) {
    return read(file, PKCS10CertificationRequest.class);
  }

  static String readCertificate(Path file) {
    return read(file, X509CertificateHolder.class);
  }

  private static String describe(Class<?> type) {
    return type == PKCS10CertificationRequest.class
        ? "certificate signing request"
        : "X.509 certificate";
  }
}
