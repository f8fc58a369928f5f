package dev.iotctl.local.gateway;

import dev.iotctl.core.topic.TopicFilters;
import io.netty.channel.Channel;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** An MQTT connection the gateway admitted: its channel, who it is and why it will end. */
final class LiveConnection {
  private final Channel channel;
  private final String sessionIdentifier = UUID.randomUUID().toString().replace("-", "");
  private volatile ConnectionPrincipal principal;
  private volatile DisconnectReason reason;
  private final Set<String> subscriptions = ConcurrentHashMap.newKeySet();

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

  Channel channel() {
    return channel;
  }

  void subscribed(String filter) {
    subscriptions.add(filter);
  }

  void unsubscribed(String filter) {
    subscriptions.remove(filter);
  }

  /** Whether a granted subscription of this connection matches {@code topic}. */
  boolean isSubscribedTo(String topic) {
    return subscriptions.stream().anyMatch(f -> TopicFilters.matches(f, topic));
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
