package dev.iotctl.local.shadow;

import dev.iotctl.core.topic.ShadowTopic;
import dev.iotctl.local.gateway.ConnectionPrincipal;
import dev.iotctl.local.gateway.DevicePublishListener;

/**
 * Feeds shadow requests devices publish (already authorized by the gateway's {@code iot:Publish}
 * check, as AWS authorizes shadow actions over MQTT) to the {@link ShadowService}.
 */
public final class ShadowMqttBridge implements DevicePublishListener {
  private final ShadowService service;

  public ShadowMqttBridge(ShadowService service) {
    this.service = service;
  }

  @Override
  public void onPublish(ConnectionPrincipal from, String topic, byte[] payload) {
    ShadowTopic.parse(topic)
        .filter(ShadowTopic::isRequest)
        .ifPresent(r -> service.onMqttRequest(r, payload));
  }
}
