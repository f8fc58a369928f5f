package dev.iotctl.core.policy;

/**
 * Points at one statement: the policy's name, the statement's zero-based position in the policy's
 * {@code Statement} list and its {@code Sid} (null when it has none).
 */
public record StatementRef(String policyName, int index, String sid) {
  @Override
  public String toString() {
    return "policy '"
        + policyName
        + "' statement "
        + index
        + (sid == null ? "" : " (Sid " + sid + ")");
  }
}
