package dev.iotctl.device.mqtt;

/**
 * Receives messages for one subscription. Called on the connection's single dispatch thread, in
 * arrival order; it may block briefly (e.g. wait for a publish) without stalling the MQTT client.
 */
@FunctionalInterface
public interface MessageHandler {
  void onMessage(String topic, byte[] payload);
}
