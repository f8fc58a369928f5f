package dev.iotctl.local.shadow;

import java.util.Optional;

/**
 * The Device Shadow service's reserved topics: {@code $aws/things/{thing}/shadow/{op}} for the
 * classic shadow and {@code $aws/things/{thing}/shadow/name/{shadow}/{op}} for named ones.
 */
public final class ShadowTopics {
  private ShadowTopics() {}

  /** A shadow request: op is {@code update}, {@code get} or {@code delete}. */
  public record Request(String thingName, String shadowName, String op) {}

  /** The request a device published to, if the topic is one; response topics are not requests. */
  public static Optional<Request> parseRequest(String topic) {
    String[] t = topic.split("/", -1);
    if (t.length < 5 || !t[0].equals("$aws") || !t[1].equals("things") || !t[3].equals("shadow")) {
      return Optional.empty();
    }
    if (t.length == 5 && isOp(t[4])) {
      return Optional.of(new Request(t[2], null, t[4]));
    }
    if (t.length == 7 && t[4].equals("name") && !t[5].isEmpty() && isOp(t[6])) {
      return Optional.of(new Request(t[2], t[5], t[6]));
    }
    return Optional.empty();
  }

  private static boolean isOp(String s) {
    return s.equals("update") || s.equals("get") || s.equals("delete");
  }

  /** e.g. {@code $aws/things/lamp/shadow/name/cfg/update} + suffix {@code /accepted}. */
  public static String topic(String thingName, String shadowName, String op, String suffix) {
    String base = "$aws/things/" + thingName + "/shadow/";
    return (shadowName == null ? base : base + "name/" + shadowName + "/") + op + suffix;
  }
}
