package dev.iotctl.cdk.constructs;

import java.util.List;
import software.constructs.Construct;

/**
 * Reports problems found while building a construct so that synthesis fails with them. Checks run
 * eagerly in constructors; a validation is registered only when something is wrong, which keeps
 * large fleets free of per-construct callbacks.
 */
final class Problems {
  private Problems() {}

  static void report(Construct construct, List<String> problems) {
    if (!problems.isEmpty()) {
      List<String> copy = List.copyOf(problems);
      construct.getNode().addValidation(() -> copy);
    }
  }
}
