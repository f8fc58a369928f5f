package dev.iotctl.cli.framework;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Options every command inherits. */
public final class GlobalOptions {
  private boolean debug;

  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description = "Print stack traces and diagnostic details on failure.")
  void setDebug(boolean debug) {
    this.debug = debug;
  }

  public boolean debug() {
    return debug;
  }
}
