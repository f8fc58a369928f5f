package dev.iotctl.local.gateway;

import dev.iotctl.core.topic.TopicFilters;
import io.netty.handler.codec.mqtt.MqttConnectPayload;
import io.netty.handler.codec.mqtt.MqttConnectVariableHeader;
import io.netty.handler.codec.mqtt.MqttSubscribeMessage;
import io.netty.handler.codec.mqtt.MqttTopicSubscription;
import io.netty.handler.codec.mqtt.MqttUnsubscribeMessage;

/**
 * MQTT 3.1.1's well-formedness rules that Netty's decoder leaves to the server; a packet that
 * breaks one is malformed and closes the connection. Problems are described with client strings
 * already quoted for the log.
 */
final class MqttRules {
  private MqttRules() {}

  /** What is malformed in a CONNECT, or null. */
  static String connectProblem(MqttConnectVariableHeader header, MqttConnectPayload payload) {
    if (header.hasPassword() && !header.hasUserName()) {
      return "password flag without user name flag"; // MQTT-3.1.2-22
    }
    if (!header.isWillFlag() && (header.willQos() != 0 || header.isWillRetain())) {
      return "will QoS or will retain without will flag"; // MQTT-3.1.2-11, -13, -15
    }
    if (header.willQos() > 2) {
      return "will QoS 3"; // MQTT-3.1.2-14
    }
    if (header.isWillFlag() && !TopicFilters.isWellFormedTopic(payload.willTopic())) {
      return "invalid will topic " + ClientErrorLog.quote(payload.willTopic());
    }
    if (payload.clientIdentifier() == null || hasNul(payload.clientIdentifier())) {
      return "client id with U+0000 " + ClientErrorLog.quote(payload.clientIdentifier());
    }
    if (header.hasUserName() && hasNul(payload.userName())) {
      return "user name with U+0000";
    }
    return null;
  }

  /** What is malformed in a SUBSCRIBE, or null. */
  static String subscribeProblem(MqttSubscribeMessage subscribe) {
    if (subscribe.payload().topicSubscriptions().isEmpty()) {
      return "no topic filter"; // MQTT-3.8.3-3
    }
    for (MqttTopicSubscription s : subscribe.payload().topicSubscriptions()) {
      if (!TopicFilters.isWellFormedFilter(s.topicName())) {
        return "invalid topic filter " + ClientErrorLog.quote(s.topicName());
      }
    }
    return null;
  }

  /** What is malformed in an UNSUBSCRIBE, or null. */
  static String unsubscribeProblem(MqttUnsubscribeMessage unsubscribe) {
    if (unsubscribe.payload().topics().isEmpty()) {
      return "no topic filter"; // MQTT-3.10.3-2
    }
    for (String filter : unsubscribe.payload().topics()) {
      if (!TopicFilters.isWellFormedFilter(filter)) {
        return "invalid topic filter " + ClientErrorLog.quote(filter);
      }
    }
    return null;
  }

  private static boolean hasNul(String s) {
    return s != null && s.indexOf('\u0000') >= 0;
  }
}
