package dev.iotctl.cli.framework;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code --output json|text} mixin shared by every command that prints a result. */
public final class OutputOptions {
  @Option(
      names = {"-o", "--output"},
      scope = ScopeType.INHERIT,
      paramLabel = "FORMAT",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
      defaultValue = "json")
  OutputFormat format = OutputFormat.json;

  public OutputFormat format() {
    return format;
  }
}
