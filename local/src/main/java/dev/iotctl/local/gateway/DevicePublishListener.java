package dev.iotctl.local.gateway;

import java.util.List;

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

  /** One listener that hands each publish to every one of {@code listeners}, in order. */
  static DevicePublishListener all(DevicePublishListener... listeners) {
    List<DevicePublishListener> each = List.of(listeners);
    return (from, inFlight, topic, payload) -> {
      for (DevicePublishListener listener : each) {
        listener.onPublish(from, inFlight, topic, payload);
      }
    };
  }
}
