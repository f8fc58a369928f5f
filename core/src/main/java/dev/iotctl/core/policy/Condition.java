package dev.iotctl.core.policy;

import java.util.List;

/**
 * One key test inside a statement's {@code Condition} block: an operator (with optional {@code
 * ...IfExists} suffix and {@code ForAnyValue:}/{@code ForAllValues:} qualifier), a key and the
 * policy values (ORed).
 */
record Condition(
    String operatorText,
    ConditionOperator operator,
    boolean ifExists,
    SetQualifier qualifier,
    String key,
    List<PolicyString> values) {

  /** IAM's set operators for multi-valued keys. */
  enum SetQualifier {
    NONE,
    FOR_ANY_VALUE,
    FOR_ALL_VALUES
  }

  /**
   * IAM semantics: a missing key makes positive operators false and negated ones true, except
   * {@code ...IfExists} (true), {@code ForAllValues} (true), {@code ForAnyValue} (false) and {@code
   * Null}, which tests presence itself.
   */
  boolean holds(PolicyContext context) {
    List<String> actual = context.values(key);
    boolean absent = actual == null || actual.isEmpty();
    if (operator == ConditionOperator.NULL) {
      for (PolicyString value : values) {
        if (Boolean.parseBoolean(value.text(context)) == absent) {
          return true;
        }
      }
      return false;
    }
    if (absent) {
      return switch (qualifier) {
        case FOR_ALL_VALUES -> true;
        case FOR_ANY_VALUE -> false;
        case NONE -> ifExists || operator.negated();
      };
    }
    return switch (qualifier) {
      case FOR_ALL_VALUES -> actual.stream().allMatch(v -> matchesOne(v, context));
      case FOR_ANY_VALUE -> actual.stream().anyMatch(v -> matchesOne(v, context));
      case NONE ->
          operator.negated()
              ? actual.stream().noneMatch(v -> anyPolicyValue(v, context))
              : actual.stream().anyMatch(v -> anyPolicyValue(v, context));
    };
  }

  private boolean matchesOne(String actual, PolicyContext context) {
    boolean any = anyPolicyValue(actual, context);
    return operator.negated() != any;
  }

  private boolean anyPolicyValue(String actual, PolicyContext context) {
    for (PolicyString value : values) {
      if (operator.test(actual, value, context)) {
        return true;
      }
    }
    return false;
  }
}
