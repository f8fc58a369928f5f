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
   * Whether a client may publish to {@code topic} ("Reserved topics", developer guide): any topic
   * not beginning with {@code $}, and of the reserved ones only those a service takes requests on —
   * shadow {@code get|update|delete}, jobs requests (any jobs topic but replies and pushes), Device
   * Defender metrics, fleet provisioning {@code create}, {@code create-from-csr} and {@code
   * provision}, file delivery {@code get|describe}, and Basic Ingest. Never their {@code
   * /accepted}, {@code /rejected}, {@code /delta} or {@code /documents} replies, nor events.
   */
  public static boolean clientMayPublish(String topic) {
    if (!isReserved(topic)) {
      return true;
    }
    String[] levels = topic.split("/", -1);
    return switch (classify(topic)) {
      case BASIC_INGEST -> true;
      case SHADOW -> ShadowTopic.parse(topic).map(ShadowTopic::isRequest).orElse(false);
      case JOBS -> isJobsRequest(levels);
      case DEFENDER -> levels.length == 6 && levels[4].equals("metrics") && isFormat(levels[5]);
      case STREAMS ->
          levels.length == 7
              && (levels[5].equals("get") || levels[5].equals("describe"))
              && isFormat(levels[6]);
      case FLEET_PROVISIONING -> isProvisioningRequest(levels);
      default -> false;
    };
  }

  /**
   * Whether a client may subscribe to {@code filter}: any filter not beginning with {@code $}; a
   * reserved topic a service publishes on (not Basic Ingest, not a request topic only clients
   * publish to, though shadow request topics may be subscribed too); and a reserved filter with
   * wildcards whose literal levels stay within a known service ({@code $aws/things/+/shadow/#} yes,
   * {@code $aws/rules/#} or {@code $foo/#} no).
   */
  public static boolean clientMaySubscribe(String filter) {
    if (!isReserved(filter)) {
      return true;
    }
    if (filter.indexOf('+') < 0 && filter.indexOf('#') < 0) {
      ReservedTopicFamily family = classify(filter);
      return family != ReservedTopicFamily.OTHER_RESERVED
          && family != ReservedTopicFamily.BASIC_INGEST
          && (family == ReservedTopicFamily.SHADOW || !clientMayPublish(filter));
    }
    String[] levels = filter.split("/", -1);
    if (!levels[0].equals("$aws") || levels.length < 2) {
      return false;
    }
    String service = levels[1];
    if (isWildcard(service)) {
      return true;
    }
    if (service.equals("things")) {
      return levels.length < 4 || isWildcard(levels[3]) || THING_SERVICES.contains(levels[3]);
    }
    return WILDCARD_SERVICES.contains(service);
  }

  private static final java.util.Set<String> THING_SERVICES =
      java.util.Set.of("shadow", "jobs", "defender", "tunnels", "streams");
  private static final java.util.Set<String> WILDCARD_SERVICES =
      java.util.Set.of("events", "certificates", "provisioning-templates", "sitewise");

  private static boolean isWildcard(String level) {
    return level.equals("+") || level.equals("#");
  }

  private static boolean isFormat(String level) {
    return level.equals("json") || level.equals("cbor");
  }

  /**
   * Any topic under {@code $aws/things/T/jobs/} but the service's replies ({@code …/accepted},
   * {@code …/rejected}) and pushes ({@code notify}, {@code notify-next}): the Jobs service answers
   * a request topic that maps to no API with {@code InvalidTopic} ("Jobs API error responses")
   * rather than the broker disconnecting the client.
   */
  private static boolean isJobsRequest(String[] levels) {
    String last = levels[levels.length - 1];
    if (last.equals("accepted") || last.equals("rejected")) {
      return false;
    }
    return !(levels.length == 5 && (last.equals("notify") || last.equals("notify-next")));
  }

  /**
   * {@code $aws/certificates/create|create-from-csr/{format}} and {@code
   * $aws/provisioning-templates/{name}/provision/{format}}.
   */
  private static boolean isProvisioningRequest(String[] levels) {
    if (levels[1].equals("certificates")) {
      return levels.length == 4
          && (levels[2].equals("create") || levels[2].equals("create-from-csr"))
          && isFormat(levels[3]);
    }
    return levels.length == 5
        && !levels[2].isEmpty()
        && levels[3].equals("provision")
        && isFormat(levels[4]);
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
