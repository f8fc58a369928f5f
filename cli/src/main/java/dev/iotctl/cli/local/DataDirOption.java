package dev.iotctl.cli.local;

import dev.iotctl.cli.aws.AwsOptions;
import dev.iotctl.cli.framework.CliEnvironment;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --local-dir DIR} (alias {@code --data-dir}): the stand-in's data directory. */
public final class DataDirOption {
  @Option(
      names = {"--local-dir", "--data-dir"},
      paramLabel = "DIR",
      description = "The stand-in's data dir (default: $IOTCTL_LOCAL_DIR or .iotctl/local).")
  Path dir;

  /** The given directory, else {@code IOTCTL_LOCAL_DIR}, else {@code .iotctl/local}. */
  public Path dataDir(CliEnvironment env) {
    return dir != null ? dir : AwsOptions.localDir(env);
  }
}
