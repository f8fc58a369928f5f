package dev.iotctl.cdk.iot;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * AWS IoT's naming and attribute rules (CreateThing, CreateThingType, CreatePolicy,
 * CreateTopicRule, …). Names that are tokens (generated or referenced) are checked by AWS instead.
 */
final class ResourceNames {
  /** Attributes AWS IoT allows on a thing that has a thing type. */
  static final int MAX_ATTRIBUTES = 50;

  /** Attributes AWS IoT allows on a thing without a thing type. */
  static final int MAX_ATTRIBUTES_WITHOUT_TYPE = 3;

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

  /**
   * The first problem with a thing's attributes, if any: more than {@code max}, or a key or value
   * that breaks IoT's attribute patterns.
   */
  static Optional<String> checkAttributes(Map<String, String> attributes, boolean typed) {
    int max = typed ? MAX_ATTRIBUTES : MAX_ATTRIBUTES_WITHOUT_TYPE;
    if (attributes.size() > max) {
      return Optional.of(
          "has "
              + attributes.size()
              + " attributes; AWS IoT allows "
              + max
              + (typed
                  ? ""
                  : " on a thing without a thing type (give it a type to allow up to "
                      + MAX_ATTRIBUTES
                      + ")"));
    }
    for (Map.Entry<String, String> e : attributes.entrySet()) {
      if (Tokens.isUnresolved(e.getKey()) || Tokens.isUnresolved(e.getValue())) {
        continue;
      }
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
    if (name == null || Tokens.isUnresolved(name) || pattern.matcher(name).matches()) {
      return Optional.empty();
    }
    return Optional.of("invalid " + kind + " '" + name + "': must match " + rule);
  }
}
