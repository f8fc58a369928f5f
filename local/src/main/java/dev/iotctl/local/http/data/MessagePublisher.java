package dev.iotctl.local.http.data;

/**
 * Delivers a message published over HTTP to MQTT subscribers. The HTTP caller is an IAM identity,
 * which AWS does not check against IoT policies; subscribers still need {@code iot:Receive}.
 */
@FunctionalInterface
public interface MessagePublisher {
  void publish(String topic, byte[] payload, int qos, boolean retain);
}
