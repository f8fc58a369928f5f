package dev.iotctl.core.policy;

/**
 * Builds the resource ARNs AWS IoT Core checks policies against. Topics and topic filters are
 * embedded verbatim: MQTT wildcards {@code +} and {@code #} stay literal characters, as AWS does.
 */
public final class IotArns {
  private IotArns() {}

  /** {@code arn:aws:iot:region:account:client/clientId}, checked by {@code iot:Connect}. */
  public static String client(String region, String account, String clientId) {
    return arn(region, account, "client/" + clientId);
  }

  /** {@code arn:aws:iot:region:account:topic/topic}, checked by Publish/Receive/RetainPublish. */
  public static String topic(String region, String account, String topic) {
    return arn(region, account, "topic/" + topic);
  }

  /** {@code arn:aws:iot:region:account:topicfilter/filter}, checked by {@code iot:Subscribe}. */
  public static String topicFilter(String region, String account, String topicFilter) {
    return arn(region, account, "topicfilter/" + topicFilter);
  }

  /** {@code arn:aws:iot:region:account:thing/thingName}, checked by the shadow and job APIs. */
  public static String thing(String region, String account, String thingName) {
    return arn(region, account, "thing/" + thingName);
  }

  /** {@code arn:aws:iot:region:account:thinggroup/groupName}. */
  public static String thingGroup(String region, String account, String groupName) {
    return arn(region, account, "thinggroup/" + groupName);
  }

  private static String arn(String region, String account, String resource) {
    return "arn:aws:iot:" + region + ":" + account + ":" + resource;
  }
}
