package dev.iotctl.cli.local;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --data-dir DIR}: the stand-in's data directory. */
public final class DataDirOption {
  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      defaultValue = ".iotctl/local",
      description = "The stand-in's data directory (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  public Path dataDir() {
    return dataDir;
  }
}
