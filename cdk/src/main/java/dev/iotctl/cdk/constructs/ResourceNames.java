package dev.iotctl.cdk.constructs;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** AWS IoT's naming rules for the resources a fleet declares (CreateThing, CreateTopicRule, …). */
final class ResourceNames {
  private static final Pattern THING = Pattern.compile("[a-zA-Z0-9:_-]{1,128}");
  private static final Pattern POLICY = Pattern.compile("[\\w+=,.@-]{1,128}");
  private static final Pattern RULE = Pattern.compile("[a-zA-Z0-9_]{1,128}");
  private static final Pattern ATTRIBUTE_KEY = Pattern.compile("[a-zA-Z0-9_.,@/:#-]{1,128}");
  private static final Pattern ATTRIBUTE_VALUE =
      Pattern.compile("[a-zA-Z0-9_.,@/:#=\\[\\]-]{0,800}");

  private ResourceNames() {}

  /** Thing, thing type and thing group names share one pattern. */
  static Optional<String> checkThingName(String kind, String name) {
    return check(THING, kind, name, "[a-zA-Z0-9:_-]+, 1-128 characters");
  }

  static Optional<String> checkPolicyName(String name) {
    return check(POLICY, "policy name", name, "[\\w+=,.@-]+, 1-128 characters");
  }

  static Optional<String> checkRuleName(String name) {
    return check(RULE, "rule name", name, "[a-zA-Z0-9_]+, 1-128 characters");
  }

  /** The first attribute whose key or value breaks IoT's attribute rules, if any. */
  static Optional<String> checkAttributes(Map<String, String> attributes) {
    if (attributes.size() > 50) {
      return Optional.of("has " + attributes.size() + " attributes; at most 50 are allowed");
    }
    for (Map.Entry<String, String> e : attributes.entrySet()) {
      if (!ATTRIBUTE_KEY.matcher(e.getKey()).matches()) {
        return Optional.of("attribute name '" + e.getKey() + "' must match [a-zA-Z0-9_.,@/:#-]+");
      }
      String value = e.getValue() == null ? "" : e.getValue();
      if (!ATTRIBUTE_VALUE.matcher(value).matches()) {
        return Optional.of(
            "attribute '"
                + e.getKey()
                + "' value '"
                + value
                + "' must match [a-zA-Z0-9_.,@/:#=\\[\\]-]*");
      }
    }
    return Optional.empty();
  }

  private static Optional<String> check(Pattern pattern, String kind, String name, String rule) {
    if (name != null && pattern.matcher(name).matches()) {
      return Optional.empty();
    }
    return Optional.of("invalid " + kind + " '" + name + "': must match " + rule);
  }
}
