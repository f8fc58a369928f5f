package dev.iotctl.cli.certs;

import dev.iotctl.cli.framework.CliException;
import dev.iotctl.cli.framework.ExitCodes;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The temp files of a bundle's atomic writes ({@code .NAME.<uuid>.tmp}, see {@code
 * Pem.writeAtomically}). One left behind belongs to a write that a kill interrupted before its
 * move: nothing used it yet (the key is read, the CSR sent, only after their move), so removing it
 * is always right, and the one a complete private key left must not stay on disk.
 */
final class TempFiles {
  private TempFiles() {}

  /** Removes the temp files in {@code dir}; returns how many. */
  static int removeLeftovers(Path dir) {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    int removed = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, ".*.tmp")) {
      for (Path file : files) {
        try {
          Files.deleteIfExists(file);
          removed++;
        } catch (NoSuchFileException gone) {
          // removed meanwhile
        }
      }
    } catch (IOException e) {
      throw new CliException(
          ExitCodes.FAILURE, "cannot clean up " + dir + ": " + e.getMessage(), null, e);
    }
    return removed;
  }
}
