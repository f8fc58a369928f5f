package dev.iotctl.local.shadow;

import dev.iotctl.core.topic.ShadowTopic;
import dev.iotctl.local.gateway.ConnectionPrincipal;
import dev.iotctl.local.gateway.DevicePublishListener;
import dev.iotctl.local.gateway.InFlightRequests;

/**
 * Feeds shadow requests devices publish (already authorized by the gateway's {@code iot:Publish}
 * check, as AWS authorizes shadow actions over MQTT) to the {@link ShadowService}. A request over
 * the connection's in-flight budget (AWS: 10, with {@code --quotas aws}) is rejected with 429.
 */
public final class ShadowMqttBridge implements DevicePublishListener {
  private final ShadowService service;

  public ShadowMqttBridge(ShadowService service) {
    this.service = service;
  }

  @Override
  public void onPublish(
      ConnectionPrincipal from, InFlightRequests inFlight, String topic, byte[] payload) {
    ShadowTopic.parse(topic)
        .filter(ShadowTopic::isRequest)
        .ifPresent(
            r -> {
              if (!inFlight.tryStart()) {
                service.rejectTooManyRequests(r, payload);
                return;
              }
              service.onMqttRequest(r, payload).whenComplete((done, error) -> inFlight.finish());
            });
  }
}
