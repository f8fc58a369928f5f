package dev.iotctl.cli.framework;

/** How a command prints its result: JSON for scripts (the default), text for people. */
public enum OutputFormat {
  json,
  text
}
