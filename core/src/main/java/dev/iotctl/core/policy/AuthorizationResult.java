package dev.iotctl.core.policy;

import java.util.List;

/**
 * The decision for a request together with the statements that decided it: the matching {@code
 * Deny} statements for {@link Decision#EXPLICIT_DENY}, the matching {@code Allow} statements for
 * {@link Decision#ALLOWED}, none for {@link Decision#IMPLICIT_DENY}.
 */
public record AuthorizationResult(
    Decision decision, List<StatementRef> decidingStatements, String explanation) {
  public AuthorizationResult {
    decidingStatements = List.copyOf(decidingStatements);
  }

  /** True only for {@link Decision#ALLOWED}. */
  public boolean allowed() {
    return decision == Decision.ALLOWED;
  }
}
