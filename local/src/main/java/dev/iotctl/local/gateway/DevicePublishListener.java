package dev.iotctl.local.gateway;

/**
 * Sees every authorized device PUBLISH to a topic under {@code $aws/}, in the order the connection
 * sent them, e.g. shadow requests. Called on the connection's I/O thread: hand work off quickly.
 */
@FunctionalInterface
public interface DevicePublishListener {

  /**
   * @param inFlight the connection's budget of unanswered service requests: take one with {@link
   *     InFlightRequests#tryStart()} per request and give it back when the request is answered
   */
  void onPublish(ConnectionPrincipal from, InFlightRequests inFlight, String topic, byte[] payload);
}
