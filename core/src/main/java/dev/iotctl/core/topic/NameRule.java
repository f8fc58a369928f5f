package dev.iotctl.core.topic;

import dev.iotctl.core.error.IotException;
import java.util.regex.Pattern;

/**
 * One AWS API naming constraint: the member's name, its length bounds (in characters, as the API
 * reference counts) and its regular expression, reported in AWS's validation message format.
 */
public record NameRule(String member, int minLength, int maxLength, String pattern) {
  public NameRule {
    Pattern.compile(pattern);
  }

  /** True when {@code value} satisfies every constraint. */
  public boolean isValid(String value) {
    return violation(value) == null;
  }

  /**
   * Throws 400 InvalidRequestException with AWS's text, e.g. {@code 1 validation error detected:
   * Value 'a b' at 'thingName' failed to satisfy constraint: Member must satisfy regular expression
   * pattern: [a-zA-Z0-9:_-]+}.
   */
  public String validate(String value) {
    String violation = violation(value);
    if (violation != null) {
      throw IotException.invalidRequest(violation);
    }
    return value;
  }

  private String violation(String value) {
    if (value == null) {
      return "1 validation error detected: Value null at '"
          + member
          + "' failed to satisfy constraint: Member must not be null";
    }
    String constraint;
    if (value.length() < minLength) {
      constraint = "Member must have length greater than or equal to " + minLength;
    } else if (value.length() > maxLength) {
      constraint = "Member must have length less than or equal to " + maxLength;
    } else if (!Pattern.matches(pattern, value)) {
      constraint = "Member must satisfy regular expression pattern: " + pattern;
    } else {
      return null;
    }
    return "1 validation error detected: Value '"
        + value
        + "' at '"
        + member
        + "' failed to satisfy constraint: "
        + constraint;
  }
}
