package dev.iotctl.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A {@code bin/iotctl} that runs this build's classes (the real launcher runs the packaged jar,
 * which tests run before): for tests that drive iotctl as a user does, from a shell.
 */
public final class TestLauncher {
  private TestLauncher() {}

  /** Writes an executable launcher at {@code file}. */
  public static void write(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(
        file,
        "#!/usr/bin/env bash\nexec '"
            + Path.of(System.getProperty("java.home"), "bin", "java")
            + "' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp '"
            + System.getProperty("java.class.path")
            + "' "
            + Iotctl.class.getName()
            + " \"$@\"\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}
