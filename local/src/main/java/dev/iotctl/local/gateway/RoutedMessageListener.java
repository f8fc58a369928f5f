package dev.iotctl.local.gateway;

/**
 * Sees every message the broker routes, before delivery: devices' authorized publishes to any topic
 * and the service's own ({@link DeviceGateway#publish}, which HTTP Publish and rule actions use).
 * Basic Ingest messages ({@code $aws/rules/{ruleName}/…}) come here and never reach subscribers.
 * Called on the publisher's thread (often a connection's I/O thread): hand off quickly.
 */
@FunctionalInterface
public interface RoutedMessageListener {

  /**
   * @param from the publishing device connection, or null for a message from the service itself
   */
  void onMessage(String topic, byte[] payload, ConnectionPrincipal from);
}
