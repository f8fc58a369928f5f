package dev.iotctl.cli.policy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.iotctl.core.policy.LintFinding;
import dev.iotctl.core.policy.PolicyDocument;
import dev.iotctl.core.policy.PolicyLinter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The core linter's findings for one document, minus the checks the user suppressed. Shared by
 * {@code policy lint} (findings are the result) and {@code policy create} (findings are warnings,
 * or errors with {@code --strict}).
 */
record PolicyReview(String source, List<LintFinding> findings) {

  static PolicyReview of(String source, PolicyDocument document, List<String> suppressed) {
    Set<String> skip =
        suppressed.stream().map(s -> s.toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
    return new PolicyReview(
        source,
        PolicyLinter.lint(document).stream()
            .filter(f -> !skip.contains(f.check()) && !skip.contains(shortName(f.check())))
            .toList());
  }

  /** {@code IOTCTL_UNKNOWN_ACTION} may be suppressed as {@code UNKNOWN_ACTION}. */
  private static String shortName(String check) {
    return check.startsWith("IOTCTL_") ? check.substring("IOTCTL_".length()) : check;
  }

  /** One line per finding, for stderr: {@code FILE: statement N: CHECK (SEVERITY): message}. */
  List<String> lines() {
    return findings.stream()
        .map(
            f ->
                source
                    + ": statement "
                    + f.statementIndex()
                    + ": "
                    + f.check()
                    + " ("
                    + f.severity()
                    + "): "
                    + f.message())
        .toList();
  }

  void addTo(ArrayNode out) {
    for (LintFinding f : findings) {
      out.addObject()
          .put("file", source)
          .put("statement", f.statementIndex())
          .put("check", f.check())
          .put("severity", f.severity())
          .put("message", f.message());
    }
  }
}
