package dev.iotctl.cli.policy;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --suppress CHECK}: lint checks the user means to allow, for lint and create alike. */
final class SuppressOption {
  @Option(
      names = "--suppress",
      paramLabel = "CHECK",
      split = ",",
      description = "Ignore this lint check (repeatable), e.g. UNKNOWN_ACTION.")
  List<String> checks = new ArrayList<>();
}
