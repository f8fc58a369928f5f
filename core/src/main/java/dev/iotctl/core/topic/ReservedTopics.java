package dev.iotctl.core.topic;

import java.util.Optional;

/**
 * Classifies topics by the reserved families of AWS IoT Core ("Reserved topics", developer guide).
 * Topics beginning with {@code $} are reserved for AWS IoT; clients may publish and subscribe only
 * where a family allows.
 */
public final class ReservedTopics {
  /** Basic Ingest topics start with this, then the rule name. */
  public static final String BASIC_INGEST_PREFIX = "$aws/rules/";

  private ReservedTopics() {}

  /** True for any topic beginning with {@code $}. */
  public static boolean isReserved(String topic) {
    return topic.startsWith("$");
  }

  public static ReservedTopicFamily classify(String topic) {
    if (!isReserved(topic)) {
      return ReservedTopicFamily.NOT_RESERVED;
    }
    String[] levels = topic.split("/", -1);
    if (!levels[0].equals("$aws") || levels.length < 2) {
      return ReservedTopicFamily.OTHER_RESERVED;
    }
    return switch (levels[1]) {
      case "things" -> thingFamily(topic, levels);
      case "rules" ->
          basicIngestRuleName(topic).isPresent()
              ? ReservedTopicFamily.BASIC_INGEST
              : ReservedTopicFamily.OTHER_RESERVED;
      case "events" -> eventFamily(levels);
      case "certificates", "provisioning-templates" -> ReservedTopicFamily.FLEET_PROVISIONING;
      case "sitewise" -> ReservedTopicFamily.SITEWISE;
      default -> ReservedTopicFamily.OTHER_RESERVED;
    };
  }

  /**
   * The rule a Basic Ingest topic ({@code $aws/rules/{ruleName}[/…]}) addresses, when the name is a
   * valid rule name.
   */
  public static Optional<String> basicIngestRuleName(String topic) {
    if (!topic.startsWith(BASIC_INGEST_PREFIX)) {
      return Optional.empty();
    }
    String rest = topic.substring(BASIC_INGEST_PREFIX.length());
    int slash = rest.indexOf('/');
    String rule = slash < 0 ? rest : rest.substring(0, slash);
    return IotNames.isValidRuleName(rule) ? Optional.of(rule) : Optional.empty();
  }

  /**
   * The topic a rule sees for a Basic Ingest publish: what follows {@code $aws/rules/{ruleName}/}
   * (empty when nothing does); other topics unchanged.
   */
  public static String withoutBasicIngestPrefix(String topic) {
    return basicIngestRuleName(topic)
        .map(
            rule -> {
              int start = BASIC_INGEST_PREFIX.length() + rule.length() + 1;
              return start >= topic.length() ? "" : topic.substring(start);
            })
        .orElse(topic);
  }

  private static ReservedTopicFamily thingFamily(String topic, String[] levels) {
    if (levels.length < 4 || !IotNames.isValidThingName(levels[2])) {
      return ReservedTopicFamily.OTHER_RESERVED;
    }
    return switch (levels[3]) {
      case "shadow" ->
          ShadowTopic.parse(topic).isPresent()
              ? ReservedTopicFamily.SHADOW
              : ReservedTopicFamily.OTHER_RESERVED;
      case "jobs" -> ReservedTopicFamily.JOBS;
      case "defender" -> ReservedTopicFamily.DEFENDER;
      case "tunnels" -> ReservedTopicFamily.TUNNELS;
      case "streams" -> ReservedTopicFamily.STREAMS;
      default -> ReservedTopicFamily.OTHER_RESERVED;
    };
  }

  private static ReservedTopicFamily eventFamily(String[] levels) {
    if (levels.length < 3) {
      return ReservedTopicFamily.OTHER_RESERVED;
    }
    return switch (levels[2]) {
      case "presence" -> ReservedTopicFamily.PRESENCE_EVENTS;
      case "subscriptions" -> ReservedTopicFamily.SUBSCRIPTION_EVENTS;
      case "thing",
          "thingGroup",
          "thingType",
          "thingTypeAssociation",
          "thingGroupMembership",
          "thingGroupHierarchy" ->
          ReservedTopicFamily.REGISTRY_EVENTS;
      case "job", "jobExecution" -> ReservedTopicFamily.JOB_EVENTS;
      case "certificates" -> ReservedTopicFamily.CERTIFICATE_EVENTS;
      default -> ReservedTopicFamily.OTHER_RESERVED;
    };
  }
}
