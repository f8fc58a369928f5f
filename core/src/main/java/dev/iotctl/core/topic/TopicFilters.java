package dev.iotctl.core.topic;

import dev.iotctl.core.error.IotException;

/**
 * MQTT topic names and filters under AWS IoT Core's rules: {@code +} matches one level, {@code #}
 * the levels below its parent, wildcards in the first level never match {@code $} topics, and
 * topics are at most 256 bytes with at most 7 slashes (Basic Ingest's {@code $aws/rules/ruleName/}
 * prefix not counted).
 */
public final class TopicFilters {
  private TopicFilters() {}

  /**
   * Whether a message published to {@code topic} is delivered to a subscription to {@code filter}.
   *
   * <p>AWS documents that {@code sensor/#} receives {@code sensor/} and {@code sensor/temperature}
   * "but not messages published to {@code sensor}" ("MQTT topics", developer guide); MQTT 3.1.1
   * would match the parent too. This follows AWS.
   */
  public static boolean matches(String filter, String topic) {
    String[] f = filter.split("/", -1);
    String[] t = topic.split("/", -1);
    if (topic.startsWith("$") && (f[0].equals("+") || f[0].equals("#"))) {
      return false;
    }
    for (int i = 0; i < f.length; i++) {
      if (f[i].equals("#")) {
        return t.length > i;
      }
      if (i >= t.length) {
        return false;
      }
      if (!f[i].equals("+") && !f[i].equals(t[i])) {
        return false;
      }
    }
    return f.length == t.length;
  }

  /** Validates a topic name for PUBLISH: no wildcards, AWS's size and depth limits. */
  public static String validateTopic(String topic) {
    String problem = topicProblem(topic);
    if (problem != null) {
      throw IotException.invalidRequest(problem);
    }
    return topic;
  }

  public static boolean isValidTopic(String topic) {
    return topicProblem(topic) == null;
  }

  /** Validates a topic filter for SUBSCRIBE: wildcards alone in their level, {@code #} last. */
  public static String validateFilter(String filter) {
    String problem = filterProblem(filter);
    if (problem != null) {
      throw IotException.invalidRequest(problem);
    }
    return filter;
  }

  public static boolean isValidFilter(String filter) {
    return filterProblem(filter) == null;
  }

  private static String topicProblem(String topic) {
    String common = commonProblem(topic, "Topic");
    if (common != null) {
      return common;
    }
    if (topic.indexOf('+') >= 0 || topic.indexOf('#') >= 0) {
      return "Topic must not contain wildcards (+ or #): '" + topic + "'";
    }
    return null;
  }

  /** What is wrong with {@code filter} as a topic filter, or null when it is valid. */
  public static String filterProblem(String filter) {
    String common = commonProblem(filter, "Topic filter");
    if (common != null) {
      return common;
    }
    String[] levels = filter.split("/", -1);
    for (int i = 0; i < levels.length; i++) {
      String level = levels[i];
      if (level.contains("#") && (!level.equals("#") || i != levels.length - 1)) {
        return "Topic filter '"
            + filter
            + "' is invalid: '#' must be the last level and alone in it";
      }
      if (level.contains("+") && !level.equals("+")) {
        return "Topic filter '" + filter + "' is invalid: '+' must be alone in its level";
      }
    }
    return null;
  }

  private static String commonProblem(String topic, String what) {
    if (topic == null || topic.isEmpty()) {
      return what + " must not be empty";
    }
    if (topic.indexOf('\u0000') >= 0) {
      return what + " must not contain U+0000";
    }
    String counted = ReservedTopics.withoutBasicIngestPrefix(topic);
    if (utf8Length(counted) > IotLimits.TOPIC_MAX_BYTES) {
      return what + " exceeds " + IotLimits.TOPIC_MAX_BYTES + " bytes: '" + topic + "'";
    }
    if (slashes(counted) > IotLimits.TOPIC_MAX_SLASHES) {
      return what
          + " has more than "
          + IotLimits.TOPIC_MAX_SLASHES
          + " forward slashes: '"
          + topic
          + "'";
    }
    return null;
  }

  /**
   * Whether {@code topic} is a topic name MQTT accepts in a PUBLISH: not empty, no U+0000, no
   * wildcards. AWS's size and depth limits are {@link #withinLimits}.
   */
  public static boolean isWellFormedTopic(String topic) {
    return topic != null
        && !topic.isEmpty()
        && topic.indexOf('\u0000') < 0
        && topic.indexOf('+') < 0
        && topic.indexOf('#') < 0;
  }

  /**
   * Whether {@code filter} is a topic filter MQTT accepts in a SUBSCRIBE or UNSUBSCRIBE: not empty,
   * no U+0000, {@code +} alone in its level, {@code #} alone in the last level. AWS's size and
   * depth limits are {@link #withinLimits}.
   */
  public static boolean isWellFormedFilter(String filter) {
    if (filter == null || filter.isEmpty() || filter.indexOf('\u0000') >= 0) {
      return false;
    }
    int levelStart = 0;
    for (int i = 0; i <= filter.length(); i++) {
      if (i == filter.length() || filter.charAt(i) == '/') {
        int length = i - levelStart;
        for (int j = levelStart; j < i; j++) {
          char c = filter.charAt(j);
          if ((c == '+' || c == '#') && length != 1) {
            return false;
          }
          if (c == '#' && i != filter.length()) {
            return false;
          }
        }
        levelStart = i + 1;
      }
    }
    return true;
  }

  /**
   * Whether a topic or topic filter is within AWS's limits: at most 256 bytes of UTF-8 and 7
   * forward slashes, Basic Ingest's {@code $aws/rules/ruleName/} prefix not counted. Allocates
   * nothing for topics outside Basic Ingest, so it can run on every message.
   */
  public static boolean withinLimits(String topic) {
    String counted =
        topic.startsWith(ReservedTopics.BASIC_INGEST_PREFIX)
            ? ReservedTopics.withoutBasicIngestPrefix(topic)
            : topic;
    return utf8Length(counted) <= IotLimits.TOPIC_MAX_BYTES
        && slashes(counted) <= IotLimits.TOPIC_MAX_SLASHES;
  }

  /** The length of {@code s} in UTF-8, without encoding it. */
  private static int utf8Length(String s) {
    int bytes = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        bytes++;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }

  private static int slashes(String topic) {
    int count = 0;
    for (int i = 0; i < topic.length(); i++) {
      if (topic.charAt(i) == '/') {
        count++;
      }
    }
    return count;
  }
}
