package dev.iotctl.local.registry;

import java.util.Map;
import java.util.regex.Pattern;

/** AWS IoT's constraints on names and attributes (from the API reference's request syntax). */
final class Names {
  /** Thing, thing type, thing group and shadow names. */
  private static final Pattern THING = Pattern.compile("[a-zA-Z0-9:_-]{1,128}");

  private static final Pattern POLICY = Pattern.compile("[\\w+=,.@-]{1,128}");
  private static final Pattern RULE = Pattern.compile("^[a-zA-Z0-9_]{1,128}$");
  private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[a-zA-Z0-9_.,@/:#-]{1,128}");
  private static final Pattern ATTRIBUTE_VALUE =
      Pattern.compile("[a-zA-Z0-9_.,@/:#=\\[\\]-]{0,800}");

  /** AWS's limit on attributes per thing or thing group. */
  static final int MAX_ATTRIBUTES = 50;

  private Names() {}

  static void thing(String kind, String name) {
    if (name == null || !THING.matcher(name).matches()) {
      throw Errors.invalid(
          kind + " name must match [a-zA-Z0-9:_-]+ and be 1 to 128 characters: " + name);
    }
  }

  static void policy(String name) {
    if (name == null || !POLICY.matcher(name).matches()) {
      throw Errors.invalid(
          "Policy name must match [\\w+=,.@-]+ and be 1 to 128 characters: " + name);
    }
  }

  static void rule(String name) {
    if (name == null || !RULE.matcher(name).matches()) {
      throw Errors.invalid(
          "Rule name must match ^[a-zA-Z0-9_]+$ and be 1 to 128 characters: " + name);
    }
  }

  static void attributes(Map<String, String> attributes) {
    for (Map.Entry<String, String> attribute : attributes.entrySet()) {
      if (attribute.getKey() == null || !ATTRIBUTE_NAME.matcher(attribute.getKey()).matches()) {
        throw Errors.invalid("Invalid attribute name: " + attribute.getKey());
      }
      if (attribute.getValue() == null
          || !ATTRIBUTE_VALUE.matcher(attribute.getValue()).matches()) {
        throw Errors.invalid(
            "Invalid value for attribute " + attribute.getKey() + ": " + attribute.getValue());
      }
    }
  }

  static void attributeCount(Map<String, String> attributes) {
    if (attributes.size() > MAX_ATTRIBUTES) {
      throw Errors.invalid(
          "A thing can have at most " + MAX_ATTRIBUTES + " attributes; got " + attributes.size());
    }
  }
}
