package dev.iotctl.cli.framework;

/** How a command prints its result, with the AWS CLI's names and renderings. */
public enum OutputFormat {
  json,
  text,
  table,
  yaml
}
