package dev.iotctl.local.http.data;

import dev.iotctl.core.topic.ShadowTopic;
import dev.iotctl.local.gateway.DeviceGateway;
import dev.iotctl.local.shadow.ShadowService;

/**
 * Publishes HTTP messages through the device gateway. A message to a shadow request topic ({@code
 * $aws/things/T/shadow/update} …) is also a shadow request, answered on {@code /accepted} or {@code
 * /rejected} as when a device publishes it.
 *
 * <p>{@code qos} and {@code retain} are honoured: a retained message reaches later subscribers.
 */
public final class GatewayPublisher implements MessagePublisher {
  private final DeviceGateway gateway;
  private final ShadowService shadows;

  public GatewayPublisher(DeviceGateway gateway, ShadowService shadows) {
    this.gateway = gateway;
    this.shadows = shadows;
  }

  @Override
  public void publish(String topic, byte[] payload, int qos, boolean retain) {
    gateway.publish(topic, payload, qos, retain);
    ShadowTopic.parse(topic)
        .filter(ShadowTopic::isRequest)
        .ifPresent(request -> shadows.onMqttRequest(request, payload));
  }
}
