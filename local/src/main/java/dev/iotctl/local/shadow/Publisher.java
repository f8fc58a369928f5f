package dev.iotctl.local.shadow;

/** Publishes a service message to MQTT subscribers (the gateway implements it). */
@FunctionalInterface
public interface Publisher {
  void publish(String topic, byte[] payload);
}
