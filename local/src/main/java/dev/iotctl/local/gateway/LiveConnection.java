package dev.iotctl.local.gateway;

import io.netty.channel.Channel;
import java.util.UUID;

/** An MQTT connection the gateway admitted: its channel, who it is and why it will end. */
final class LiveConnection {
  private final Channel channel;
  private final String sessionIdentifier = UUID.randomUUID().toString().replace("-", "");
  private volatile ConnectionPrincipal principal;
  private volatile DisconnectReason reason;

  LiveConnection(Channel channel, ConnectionPrincipal principal) {
    this.channel = channel;
    this.principal = principal;
  }

  ConnectionPrincipal principal() {
    return principal;
  }

  /** Replaces the registry view after the certificate's policies or things changed. */
  void refresh(DeviceRecord device) {
    ConnectionPrincipal p = principal;
    principal = new ConnectionPrincipal(p.clientId(), p.certificate(), device, p.sourceIp());
  }

  String clientId() {
    return principal.clientId();
  }

  String certificateId() {
    return principal.device().certificateId();
  }

  String sessionIdentifier() {
    return sessionIdentifier;
  }

  /** The first reason recorded wins; none means the connection was simply lost. */
  DisconnectReason reason() {
    DisconnectReason r = reason;
    return r == null ? DisconnectReason.CONNECTION_LOST : r;
  }

  synchronized void noteReason(DisconnectReason r) {
    if (reason == null) {
      reason = r;
    }
  }

  void close(DisconnectReason r) {
    noteReason(r);
    channel.close();
  }
}
