package dev.iotctl.cdk.iot;

import java.util.List;
import software.constructs.IConstruct;

/**
 * Reports problems found while building a construct so that synthesis fails with them. Checks run
 * eagerly in constructors; a validation is registered only when something is wrong, which keeps
 * large fleets free of per-construct callbacks.
 */
public final class Problems {
  private Problems() {}

  public static void report(IConstruct construct, List<String> problems) {
    if (!problems.isEmpty()) {
      List<String> copy = List.copyOf(problems);
      construct.getNode().addValidation(() -> copy);
    }
  }

  public static void report(IConstruct construct, String problem) {
    report(construct, List.of(problem));
  }
}
