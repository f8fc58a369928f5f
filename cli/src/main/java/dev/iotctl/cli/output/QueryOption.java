package dev.iotctl.cli.output;

import picocli.CommandLine.Option;

/** The {@code --query} mixin: a JMESPath expression applied to the JSON result. */
public final class QueryOption {
  @Option(
      names = "--query",
      paramLabel = "JMESPATH",
      description = "JMESPath expression applied to the result (as in the AWS CLI).")
  String query;

  public String query() {
    return query;
  }
}
