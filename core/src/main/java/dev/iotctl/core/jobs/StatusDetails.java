package dev.iotctl.core.jobs;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rules of a job execution's {@code statusDetails} (DetailsMap): keys 1–128 characters of
 * {@code [a-zA-Z0-9:_-]}, values 1–1024 characters without control characters.
 */
public final class StatusDetails {
  static final int MAX_KEY = 128;
  static final int MAX_VALUE = 1024;
  private static final Pattern KEY = Pattern.compile("[a-zA-Z0-9:_-]+");
  private static final Pattern VALUE = Pattern.compile("[^\\p{C}]+");

  private StatusDetails() {}

  /**
   * Checks every entry.
   *
   * @throws JobsException InvalidRequest naming the first bad key or value
   */
  public static Map<String, String> validate(Map<String, String> details) {
    for (Map.Entry<String, String> e : details.entrySet()) {
      String key = e.getKey();
      if (key.isEmpty() || key.length() > MAX_KEY || !KEY.matcher(key).matches()) {
        throw JobsException.invalid(
            "statusDetails key '" + key + "' must be 1-128 characters of [a-zA-Z0-9:_-]");
      }
      String value = e.getValue();
      if (value == null
          || value.isEmpty()
          || value.length() > MAX_VALUE
          || !VALUE.matcher(value).matches()) {
        throw JobsException.invalid(
            "statusDetails value of '"
                + key
                + "' must be 1-1024 characters without control characters");
      }
    }
    return details;
  }
}
