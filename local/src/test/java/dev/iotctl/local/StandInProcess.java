package dev.iotctl.local;

import java.nio.file.Path;
import java.util.List;

/** A stand-in in a child JVM ({@link LocalIotCoreMain}): one a test can kill -9. */
final class StandInProcess {
  private StandInProcess() {}

  /** Starts it on {@code dataDir}, free ports, its output in {@code DIR/child.log}. */
  static Process start(Path dataDir) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return new ProcessBuilder(
            List.of(
                java.toString(),
                "-Xmx128m",
                "-cp",
                System.getProperty("java.class.path"),
                LocalIotCoreMain.class.getName(),
                dataDir.toString()))
        .redirectErrorStream(true)
        .redirectOutput(dataDir.resolve("child.log").toFile())
        .start();
  }
}
