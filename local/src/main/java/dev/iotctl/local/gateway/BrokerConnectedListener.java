package dev.iotctl.local.gateway;

import io.moquette.interception.InterceptHandler;
import io.moquette.interception.messages.InterceptAcknowledgedMessage;
import io.moquette.interception.messages.InterceptConnectMessage;
import io.moquette.interception.messages.InterceptConnectionLostMessage;
import io.moquette.interception.messages.InterceptDisconnectMessage;
import io.moquette.interception.messages.InterceptPublishMessage;
import io.moquette.interception.messages.InterceptSubscribeMessage;
import io.moquette.interception.messages.InterceptUnsubscribeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moquette's public interceptor, used for one signal: a client's session is connected, so the guard
 * may let its packets through (see {@code ConnectionGuard}).
 */
final class BrokerConnectedListener implements InterceptHandler {
  private static final Logger LOG = LoggerFactory.getLogger(BrokerConnectedListener.class);
  private final DeviceGateway gateway;

  BrokerConnectedListener(DeviceGateway gateway) {
    this.gateway = gateway;
  }

  @Override
  public String getID() {
    return "iotctl-gateway";
  }

  @Override
  public Class<?>[] getInterceptedMessageTypes() {
    return new Class<?>[] {InterceptConnectMessage.class};
  }

  @Override
  public void onConnect(InterceptConnectMessage msg) {
    gateway.brokerConnected(msg.getClientID());
  }

  @Override
  public void onDisconnect(InterceptDisconnectMessage msg) {}

  @Override
  public void onConnectionLost(InterceptConnectionLostMessage msg) {}

  @Override
  public void onPublish(InterceptPublishMessage msg) {}

  @Override
  public void onSubscribe(InterceptSubscribeMessage msg) {}

  @Override
  public void onUnsubscribe(InterceptUnsubscribeMessage msg) {}

  @Override
  public void onMessageAcknowledged(InterceptAcknowledgedMessage msg) {}

  @Override
  public void onSessionLoopError(Throwable error) {
    LOG.warn("Moquette session loop error: {}", error.toString());
  }
}
