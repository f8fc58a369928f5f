package dev.iotctl.core.pki;

import dev.iotctl.core.error.IotException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

/**
 * PEM encoding and decoding of certificates and keys, and the file writes that key material needs:
 * private keys are created 0600 before any byte is written, and every write is atomic.
 */
public final class Pem {
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private Pem() {}

  /** The certificate as a {@code CERTIFICATE} PEM block. */
  public static String toPem(X509Certificate certificate) {
    return write(certificate);
  }

  /** The private key as an unencrypted PKCS#8 {@code PRIVATE KEY} PEM block. */
  public static String toPem(PrivateKey key) {
    try {
      return write(new JcaPKCS8Generator(key, null).generate());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The private key in OpenSSL's traditional encoding: PKCS#1 {@code RSA PRIVATE KEY} for RSA, SEC1
   * {@code EC PRIVATE KEY} for EC. AWS IoT's CreateKeysAndCertificate returns its RSA keys this
   * way.
   */
  public static String toTraditionalPem(PrivateKey key) {
    return write(key);
  }

  /** The public key as a {@code PUBLIC KEY} (SubjectPublicKeyInfo) PEM block. */
  public static String toPem(PublicKey key) {
    return write(key);
  }

  /**
   * The first certificate in the PEM text.
   *
   * @throws IotException {@code CertificateValidationException} (400) when there is none or it is
   *     not a valid X.509 certificate
   */
  public static X509Certificate parseCertificate(String pem) {
    List<X509Certificate> certificates = parseCertificates(pem);
    if (certificates.isEmpty()) {
      throw invalidCertificate();
    }
    return certificates.get(0);
  }

  /**
   * Every certificate in the PEM text, in order (a chain or a bundle); other blocks are skipped.
   *
   * @throws IotException {@code CertificateValidationException} (400) when a block is malformed
   */
  public static List<X509Certificate> parseCertificates(String pem) {
    List<X509Certificate> certificates = new ArrayList<>();
    try (PEMParser parser = new PEMParser(new StringReader(nullToEmpty(pem)))) {
      for (Object block = parser.readObject(); block != null; block = parser.readObject()) {
        if (block instanceof X509CertificateHolder holder) {
          certificates.add(toX509(holder.getEncoded()));
        }
      }
    } catch (IOException | CertificateException | RuntimeException e) {
      throw invalidCertificate();
    }
    return certificates;
  }

  /**
   * The private key in the PEM text: PKCS#8 ({@code PRIVATE KEY}), SEC1 ({@code EC PRIVATE KEY}) or
   * PKCS#1 ({@code RSA PRIVATE KEY}).
   *
   * @throws IotException {@code InvalidRequestException} (400) when there is no readable key
   */
  public static PrivateKey parsePrivateKey(String pem) {
    try (PEMParser parser = new PEMParser(new StringReader(nullToEmpty(pem)))) {
      JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
      for (Object block = parser.readObject(); block != null; block = parser.readObject()) {
        if (block instanceof PrivateKeyInfo info) {
          return converter.getPrivateKey(info);
        }
        if (block instanceof PEMKeyPair pair) {
          // SEC1 / PKCS#1: the private part alone (SEC1 keys may omit the public key).
          return converter.getPrivateKey(pair.getPrivateKeyInfo());
        }
      }
    } catch (IOException | RuntimeException e) {
      throw IotException.invalidRequest("The private key is not valid");
    }
    throw IotException.invalidRequest("The private key is not valid");
  }

  /**
   * Writes a private key as PKCS#8 PEM. The file is created with mode 0600 before any byte is
   * written, in the target's directory, then moved over the target atomically, so a reader sees
   * either the old key or the whole new one, and never a world-readable key.
   */
  public static void writePrivateKey(Path file, PrivateKey key) {
    writeAtomically(file, toPem(key), OWNER_ONLY);
  }

  /**
   * Replaces the file's content atomically (temp file in the same directory, fsync, atomic move),
   * leaving it with mode 0644: for certificates and other public material.
   */
  public static void writeAtomically(Path file, String content) {
    writeAtomically(file, content, PosixFilePermissions.fromString("rw-r--r--"));
  }

  private static void writeAtomically(
      Path file, String content, Set<PosixFilePermission> permissions) {
    Path target = file.toAbsolutePath();
    Path directory = target.getParent();
    Path temp = directory.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try {
      Files.createDirectories(directory);
      createWithPermissions(temp, permissions);
      try {
        Files.write(
            temp,
            content.getBytes(StandardCharsets.UTF_8),
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.SYNC);
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
  }

  private static void createWithPermissions(Path file, Set<PosixFilePermission> permissions)
      throws IOException {
    boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
    if (!posix) {
      Files.createFile(file);
      return;
    }
    FileAttribute<Set<PosixFilePermission>> mode =
        PosixFilePermissions.asFileAttribute(permissions);
    try {
      Files.createFile(file, mode);
    } catch (FileAlreadyExistsException e) {
      throw new IOException("temporary file already exists: " + file, e);
    }
    // The umask may have removed bits at creation; set exactly what was asked for.
    Files.setPosixFilePermissions(file, permissions);
  }

  private static X509Certificate toX509(byte[] der) throws CertificateException {
    return (X509Certificate)
        CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
  }

  private static String write(Object object) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(object);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }

  private static IotException invalidCertificate() {
    return new IotException("CertificateValidationException", 400, "The certificate is invalid.");
  }
}
