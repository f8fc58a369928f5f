package dev.iotctl.cli.aws;

import dev.iotctl.cli.framework.CliException;
import dev.iotctl.cli.framework.ExitCodes;
import dev.iotctl.local.StandInEndpoint;
import dev.iotctl.local.StandInFiles;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A running stand-in, as its {@code endpoint.json} describes it.
 *
 * @param dataDir its data directory
 */
public record LocalTarget(Path dataDir, StandInEndpoint endpoint) {

  /** The stand-in running on {@code dataDir}; exit 8 with what to do when none runs there. */
  public static LocalTarget read(Path dataDir) {
    return find(dataDir)
        .orElseThrow(
            () ->
                new CliException(
                    ExitCodes.UNREACHABLE,
                    "the local stand-in is not running: "
                        + new StandInFiles(dataDir).endpoint()
                        + " does not exist",
                    "start it with 'iotctl local up --local-dir " + dataDir + "'"));
  }

  /** The stand-in running on {@code dataDir}, if any. */
  public static Optional<LocalTarget> find(Path dataDir) {
    try {
      return StandInEndpoint.read(dataDir).map(e -> new LocalTarget(dataDir, e));
    } catch (IOException e) {
      throw new CliException(
          ExitCodes.FAILURE,
          "cannot read the stand-in's endpoint file: " + e.getMessage(),
          "restart it with 'iotctl local up --local-dir " + dataDir + "'");
    }
  }

  /** Its HTTP API; exit 8 when it was started without one. */
  public URI httpUrl() {
    if (endpoint.httpUrl() == null) {
      throw new CliException(
          ExitCodes.UNREACHABLE,
          "the stand-in on " + dataDir + " runs without its HTTP API",
          "restart it with 'iotctl local up --local-dir " + dataDir + "'");
    }
    return endpoint.httpUrl();
  }
}
