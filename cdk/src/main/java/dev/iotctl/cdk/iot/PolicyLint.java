package dev.iotctl.cdk.iot;

import dev.iotctl.core.error.IotException;
import dev.iotctl.core.policy.LintFinding;
import dev.iotctl.core.policy.PolicyDocument;
import dev.iotctl.core.policy.PolicyLinter;
import java.util.List;

/**
 * Lints a concrete IoT policy document with the core policy engine: {@code CRITICAL} findings
 * (overly permissive) fail synthesis, the others become warnings.
 */
final class PolicyLint {
  /** Findings split by severity; messages name the statement they concern. */
  record Result(List<String> errors, List<String> warnings) {}

  private PolicyLint() {}

  /** Checks the document; throws {@link IllegalArgumentException} for a malformed one. */
  static Result check(String json) {
    PolicyDocument document;
    try {
      document = PolicyDocument.parse(json);
    } catch (IotException e) {
      throw new IllegalArgumentException(e.errorCode() + ": " + e.getMessage(), e);
    }
    List<LintFinding> findings = PolicyLinter.lint(document);
    return new Result(
        findings.stream().filter(PolicyLint::critical).map(PolicyLint::describe).toList(),
        findings.stream().filter(f -> !critical(f)).map(PolicyLint::describe).toList());
  }

  private static boolean critical(LintFinding finding) {
    return PolicyLinter.CRITICAL.equals(finding.severity());
  }

  private static String describe(LintFinding f) {
    return "statement " + f.statementIndex() + ": " + f.check() + ": " + f.message();
  }
}
