package dev.iotctl.core.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Decides a request against the policies in force for a principal, with AWS's evaluation logic:
 * deny by default, any matching {@code Allow} allows, any matching {@code Deny} wins over every
 * {@code Allow}. Thread-safe and allocation-light: documents are pre-compiled at parse time.
 */
public final class PolicyEvaluator {
  private PolicyEvaluator() {}

  /** Evaluates every statement of every policy and explains which ones decided. */
  public static AuthorizationResult evaluate(
      List<NamedPolicy> policies, AuthorizationRequest request) {
    List<StatementRef> allows = new ArrayList<>(2);
    List<StatementRef> denies = new ArrayList<>(1);
    for (NamedPolicy policy : policies) {
      for (Statement statement : policy.document().statements()) {
        if (statement.applies(request.action(), request.resource(), request.context())) {
          StatementRef ref = new StatementRef(policy.name(), statement.index(), statement.sid());
          (statement.effect() == Effect.DENY ? denies : allows).add(ref);
        }
      }
    }
    String subject = request.action() + " on " + request.resource();
    if (!denies.isEmpty()) {
      return new AuthorizationResult(
          Decision.EXPLICIT_DENY, denies, "Explicit deny of " + subject + " by " + list(denies));
    }
    if (!allows.isEmpty()) {
      return new AuthorizationResult(
          Decision.ALLOWED, allows, "Allowed " + subject + " by " + list(allows));
    }
    return new AuthorizationResult(
        Decision.IMPLICIT_DENY,
        List.of(),
        "Implicit deny of "
            + subject
            + ": no statement in "
            + policies.stream().map(p -> "'" + p.name() + "'").collect(Collectors.joining(", "))
            + " allows it");
  }

  private static String list(List<StatementRef> refs) {
    return refs.stream().map(StatementRef::toString).collect(Collectors.joining("; "));
  }
}
