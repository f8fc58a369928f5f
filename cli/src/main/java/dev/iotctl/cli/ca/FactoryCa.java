package dev.iotctl.cli.ca;

import dev.iotctl.cli.framework.CliException;
import dev.iotctl.cli.framework.ExitCodes;
import dev.iotctl.core.pki.CertificateAuthority;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Your own CA as {@code iotctl ca create} leaves it in a directory: {@value #CERTIFICATE} (the CA
 * certificate to register with AWS IoT) and {@value #PRIVATE_KEY} (mode 0600, never sent anywhere).
 */
public final class FactoryCa {
  public static final String CERTIFICATE = "ca.pem.crt";
  public static final String PRIVATE_KEY = "ca.private.key";

  private FactoryCa() {}

  /** The CA in {@code dir}; a usage error when it holds none. */
  public static CertificateAuthority load(Path dir) {
    Path certificate = dir.resolve(CERTIFICATE);
    Path key = dir.resolve(PRIVATE_KEY);
    if (!Files.isRegularFile(certificate) || !Files.isRegularFile(key)) {
      throw new CliException(
          ExitCodes.USAGE,
          "no CA in "
              + dir
              + " (expected "
              + CERTIFICATE
              + " and "
              + PRIVATE_KEY
              + "; see iotctl ca create)");
    }
    try {
      return CertificateAuthority.load(certificate, key);
    } catch (UncheckedIOException | dev.iotctl.core.error.IotException e) {
      throw new CliException(
          ExitCodes.FAILURE, "cannot read the CA in " + dir + ": " + e.getMessage());
    }
  }

  /** Saves a new CA in {@code dir}; refuses to replace one. */
  public static void save(CertificateAuthority ca, Path dir) {
    Path certificate = dir.resolve(CERTIFICATE);
    Path key = dir.resolve(PRIVATE_KEY);
    if (Files.exists(certificate) || Files.exists(key)) {
      throw new CliException(ExitCodes.CONFLICT, dir + " already holds a CA; it is not replaced");
    }
    try {
      Files.createDirectories(dir);
    } catch (java.io.IOException e) {
      throw new CliException(ExitCodes.FAILURE, "cannot create " + dir + ": " + e.getMessage());
    }
    ca.save(certificate, key);
  }
}
