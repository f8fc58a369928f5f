package dev.iotctl.device.shadow;

import java.util.Objects;

/**
 * The reserved MQTT topics of one shadow: {@code $aws/things/{thing}/shadow} for the classic
 * shadow, {@code $aws/things/{thing}/shadow/name/{shadow}} for a named one, followed by {@code
 * /get}, {@code /update} or {@code /delete} and their {@code /accepted} and {@code /rejected}
 * replies, plus {@code /update/delta} and {@code /update/documents}.
 *
 * @param thingName the thing
 * @param shadowName the named shadow, or null for the classic (unnamed) shadow
 */
public record ShadowTopics(String thingName, String shadowName) {
  public ShadowTopics {
    Objects.requireNonNull(thingName, "thingName");
    requireTopicSafe(thingName, "thing name");
    if (shadowName != null) {
      requireTopicSafe(shadowName, "shadow name");
    }
  }

  public static ShadowTopics classic(String thingName) {
    return new ShadowTopics(thingName, null);
  }

  public static ShadowTopics named(String thingName, String shadowName) {
    return new ShadowTopics(thingName, Objects.requireNonNull(shadowName, "shadowName"));
  }

  public boolean isNamed() {
    return shadowName != null;
  }

  /** The common prefix, without a trailing slash. */
  public String prefix() {
    String classic = "$aws/things/" + thingName + "/shadow";
    return shadowName == null ? classic : classic + "/name/" + shadowName;
  }

  /** Where the request is published, e.g. {@code .../update}. */
  public String request(ShadowOperation operation) {
    return prefix() + "/" + operation.topicSegment();
  }

  public String accepted(ShadowOperation operation) {
    return request(operation) + "/accepted";
  }

  public String rejected(ShadowOperation operation) {
    return request(operation) + "/rejected";
  }

  /** Published when an accepted update leaves desired and reported state different. */
  public String delta() {
    return request(ShadowOperation.UPDATE) + "/delta";
  }

  /** Published with previous and current documents after every accepted update. */
  public String documents() {
    return request(ShadowOperation.UPDATE) + "/documents";
  }

  private static void requireTopicSafe(String name, String what) {
    if (name.isEmpty() || name.contains("/") || name.contains("+") || name.contains("#")) {
      throw new IllegalArgumentException("Invalid " + what + ": " + name);
    }
  }
}
