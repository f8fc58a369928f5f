package dev.iotctl.core.topic;

import dev.iotctl.core.error.IotException;
import java.util.Objects;
import java.util.Optional;

/**
 * A Device Shadow reserved topic: {@code $aws/things/{thing}/shadow[/name/{shadow}]/{op}[/suffix]}.
 *
 * @param shadowName the named shadow, or null for the classic (unnamed) shadow
 */
public record ShadowTopic(
    String thingName, String shadowName, ShadowOperation operation, ShadowTopicSuffix suffix) {

  public ShadowTopic {
    IotNames.validateThingName(thingName);
    if (shadowName != null) {
      IotNames.validateShadowName(shadowName);
    }
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(suffix, "suffix");
    if (!suffix.appliesTo(operation)) {
      throw IotException.invalidRequest(
          "/" + suffix.level() + " exists only for update, not " + operation.level());
    }
  }

  /** The request topic of {@code operation} on a shadow. */
  public static ShadowTopic request(
      String thingName, String shadowName, ShadowOperation operation) {
    return new ShadowTopic(thingName, shadowName, operation, ShadowTopicSuffix.NONE);
  }

  /** Parses a shadow topic; empty for any other topic (or an invalid name or combination). */
  public static Optional<ShadowTopic> parse(String topic) {
    if (topic == null || !topic.startsWith("$aws/things/")) {
      return Optional.empty();
    }
    String[] levels = topic.split("/", -1);
    if (levels.length < 5 || !levels[3].equals("shadow")) {
      return Optional.empty();
    }
    String thing = levels[2];
    int next = 4;
    String shadow = null;
    if (levels[4].equals("name")) {
      if (levels.length < 7) {
        return Optional.empty();
      }
      shadow = levels[5];
      next = 6;
    }
    ShadowOperation op = ShadowOperation.fromLevel(levels[next]);
    int rest = levels.length - next - 1;
    if (op == null || rest > 1) {
      return Optional.empty();
    }
    ShadowTopicSuffix suffix =
        rest == 0 ? ShadowTopicSuffix.NONE : ShadowTopicSuffix.fromLevel(levels[next + 1]);
    if (suffix == null
        || !suffix.appliesTo(op)
        || !IotNames.isValidThingName(thing)
        || (shadow != null && !IotNames.isValidShadowName(shadow))) {
      return Optional.empty();
    }
    return Optional.of(new ShadowTopic(thing, shadow, op, suffix));
  }

  /** True for the classic (unnamed) shadow. */
  public boolean classic() {
    return shadowName == null;
  }

  /** True for the topic clients publish requests to (no suffix). */
  public boolean isRequest() {
    return suffix == ShadowTopicSuffix.NONE;
  }

  /** {@code $aws/things/{thing}/shadow} or {@code …/shadow/name/{shadow}}. */
  public String prefix() {
    String base = "$aws/things/" + thingName + "/shadow";
    return shadowName == null ? base : base + "/name/" + shadowName;
  }

  public String toTopic() {
    String topic = prefix() + "/" + operation.level();
    return suffix == ShadowTopicSuffix.NONE ? topic : topic + "/" + suffix.level();
  }

  /** The same shadow and operation with another suffix. */
  public ShadowTopic withSuffix(ShadowTopicSuffix newSuffix) {
    return new ShadowTopic(thingName, shadowName, operation, newSuffix);
  }

  public ShadowTopic accepted() {
    return withSuffix(ShadowTopicSuffix.ACCEPTED);
  }

  public ShadowTopic rejected() {
    return withSuffix(ShadowTopicSuffix.REJECTED);
  }

  /** {@code …/update/delta}; only for update topics. */
  public ShadowTopic delta() {
    return withSuffix(ShadowTopicSuffix.DELTA);
  }

  /** {@code …/update/documents}; only for update topics. */
  public ShadowTopic documents() {
    return withSuffix(ShadowTopicSuffix.DOCUMENTS);
  }

  @Override
  public String toString() {
    return toTopic();
  }
}
