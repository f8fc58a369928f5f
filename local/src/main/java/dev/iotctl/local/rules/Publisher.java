package dev.iotctl.local.rules;

/** The broker as the rules engine sees it: where republish actions send messages. */
public interface Publisher {
  void publish(String topic, byte[] payload, int qos) throws Exception;
}
