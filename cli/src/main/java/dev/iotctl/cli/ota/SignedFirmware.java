package dev.iotctl.cli.ota;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotctl.cli.framework.CliException;
import dev.iotctl.cli.framework.ExitCodes;
import dev.iotctl.cli.framework.Json;
import dev.iotctl.core.error.IotException;
import dev.iotctl.core.ota.CodeSigning;
import dev.iotctl.core.pki.Pem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.util.HexFormat;

/** A firmware file with its size, SHA-256 and code-signing signature. */
record SignedFirmware(Path file, long size, String sha256, String signature) {

  /**
   * Signs {@code file} with the EC private key in {@code keyFile} (one pass computes digest and
   * signature).
   *
   * @throws CliException USAGE for an unreadable file or key, or a key that is not EC
   */
  static SignedFirmware sign(Path file, Path keyFile) {
    PrivateKey key;
    try {
      key = Pem.parsePrivateKey(Files.readString(keyFile));
    } catch (IOException | IotException e) {
      throw new CliException(
          ExitCodes.USAGE, "cannot read the private key " + keyFile + ": " + e.getMessage());
    }
    try (InputStream in = Files.newInputStream(file);
        DigestInputStream digest =
            new DigestInputStream(in, MessageDigest.getInstance("SHA-256"))) {
      String signature = CodeSigning.sign(digest, key);
      return new SignedFirmware(
          file,
          Files.size(file),
          HexFormat.of().formatHex(digest.getMessageDigest().digest()),
          signature);
    } catch (IOException e) {
      throw new CliException(ExitCodes.USAGE, "cannot read " + file + ": " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new CliException(ExitCodes.USAGE, e.getMessage());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  ObjectNode json() {
    return Json.MAPPER
        .createObjectNode()
        .put("file", file.getFileName().toString())
        .put("size", size)
        .put("sha256", sha256)
        .put("signature", signature)
        .put("signatureAlgorithm", CodeSigning.ALGORITHM);
  }
}
