package dev.iotctl.local.gateway;

/**
 * Sees every authorized device PUBLISH to a topic under {@code $aws/}, in the order the connection
 * sent them, e.g. shadow requests. Called on the connection's I/O thread: hand work off quickly.
 */
@FunctionalInterface
public interface DevicePublishListener {

  void onPublish(ConnectionPrincipal from, String topic, byte[] payload);
}
