package dev.iotctl.core.sql;

/**
 * MQTT topic filters as AWS IoT uses them in a rule's FROM clause: {@code +} matches one whole
 * level, {@code #} the remaining levels and must be the last level. As the developer guide's "Topic
 * filters" says, {@code sensor/#} matches {@code sensor/} and {@code sensor/a/b} but not {@code
 * sensor}. Filters starting with a wildcard do not match reserved {@code $} topics.
 */
public final class TopicFilter {
  private TopicFilter() {}

  /** Null when {@code filter} is a valid topic filter, else what is wrong with it. */
  public static String validate(String filter) {
    if (filter.isEmpty()) {
      return "topic filter must not be empty";
    }
    if (filter.indexOf('\u0000') >= 0) {
      return "topic filter must not contain the null character";
    }
    String[] levels = filter.split("/", -1);
    for (int i = 0; i < levels.length; i++) {
      String level = levels[i];
      if (level.contains("#") && (!level.equals("#") || i != levels.length - 1)) {
        return "invalid topic filter '"
            + filter
            + "': '#' must be the last character and alone in its level";
      }
      if (level.contains("+") && !level.equals("+")) {
        return "invalid topic filter '" + filter + "': '+' must be alone in its level";
      }
    }
    return null;
  }

  /** Whether a message published to {@code topic} is selected by the valid {@code filter}. */
  public static boolean matches(String filter, String topic) {
    if (topic == null || topic.isEmpty()) {
      return false;
    }
    if (topic.startsWith("$") && (filter.startsWith("+") || filter.startsWith("#"))) {
      return false;
    }
    String[] f = filter.split("/", -1);
    String[] t = topic.split("/", -1);
    for (int i = 0; i < f.length; i++) {
      if (f[i].equals("#")) {
        return t.length > i;
      }
      if (i >= t.length || !(f[i].equals("+") || f[i].equals(t[i]))) {
        return false;
      }
    }
    return f.length == t.length;
  }
}
