package dev.iotctl.cli.framework;

import picocli.CommandLine.Option;

/** {@code --debug} for commands without an output or AWS options section. */
public final class DebugOption {
  @Option(names = "--debug", description = "Stack traces and details on failure.")
  boolean debug;
}
