package dev.iotctl.local.gateway;

import io.moquette.broker.security.IAuthorizatorPolicy;
import io.moquette.broker.subscriptions.Topic;

/**
 * Moquette's authorization hook. Subscriptions are checked here ({@code iot:Subscribe} on the topic
 * filter; a denial becomes SUBACK return code 0x80). Publishes were already authorized, with a
 * disconnect on denial, by the {@link ConnectionGuard} in front of Moquette; here they need only
 * come from an admitted connection.
 */
final class GatewayAuthorizatorPolicy implements IAuthorizatorPolicy {
  private final DeviceGateway gateway;

  GatewayAuthorizatorPolicy(DeviceGateway gateway) {
    this.gateway = gateway;
  }

  @Override
  public boolean canWrite(Topic topic, String user, String clientId) {
    return gateway.connections().byClientId(clientId).isPresent();
  }

  @Override
  public boolean canRead(Topic topicFilter, String user, String clientId) {
    return gateway
        .connections()
        .byClientId(clientId)
        .map(
            c -> {
              boolean allowed =
                  gateway.authorize(
                      c.principal(),
                      "iot:Subscribe",
                      gateway.resources().topicFilter(topicFilter.toString()));
              if (allowed) {
                c.subscribed(topicFilter.toString());
              }
              return allowed;
            })
        .orElse(false);
  }
}
