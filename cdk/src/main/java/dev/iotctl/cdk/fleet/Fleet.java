package dev.iotctl.cdk.fleet;

import java.nio.file.Path;

/**
 * A loaded fleet: its declaration and the folder that the declaration's relative paths (CSRs,
 * certificates, policy documents) are resolved against.
 */
public record Fleet(FleetSpec spec, Path baseDir) {
  /** Resolves a path written in the fleet file. */
  public Path resolve(String relative) {
    return baseDir.resolve(relative).normalize();
  }
}
