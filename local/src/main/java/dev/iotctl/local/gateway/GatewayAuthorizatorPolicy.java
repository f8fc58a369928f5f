package dev.iotctl.local.gateway;

import io.moquette.broker.security.IAuthorizatorPolicy;
import io.moquette.broker.subscriptions.Topic;

/**
 * Moquette's authorization hook. Publishes ({@code iot:Publish}) and subscriptions ({@code
 * iot:Subscribe}) were already decided by the {@link ConnectionGuard} in front of Moquette, which
 * passes on only what it allowed; here they need only come from an admitted connection.
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
    return gateway.connections().byClientId(clientId).isPresent();
  }
}
