package dev.iotctl.local.gateway;

import dev.iotctl.core.topic.TopicFilters;
import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TLS connection that proved a certificate: tracked from the end of the handshake (so a status
 * change reaches it even before its CONNECT), admitted with a {@link ConnectionPrincipal} once its
 * CONNECT passed {@code iot:Connect}, and told why it ends.
 */
final class LiveConnection {
  private final Channel channel;
  private final X509Certificate certificate;
  private final String certificateId;
  private final String sessionIdentifier = UUID.randomUUID().toString().replace("-", "");
  private volatile ConnectionPrincipal principal;
  private volatile DisconnectReason reason;
  private volatile Runnable onBrokerConnected;

  /**
   * The topic filters granted on this connection: written by the guard on the connection's event
   * loop, read by services that answer one client only ({@link DeviceGateway#publishTo}).
   */
  private final Set<String> subscriptions = ConcurrentHashMap.newKeySet();

  LiveConnection(Channel channel, X509Certificate certificate, String certificateId) {
    this.channel = channel;
    this.certificate = certificate;
    this.certificateId = certificateId;
  }

  X509Certificate certificate() {
    return certificate;
  }

  String certificateId() {
    return certificateId;
  }

  /** Who acts on this connection; null until its CONNECT was admitted. */
  ConnectionPrincipal principal() {
    return principal;
  }

  void admit(ConnectionPrincipal admitted) {
    principal = admitted;
  }

  /** Replaces the registry view after the certificate's policies or things changed. */
  void refresh(DeviceRecord device) {
    ConnectionPrincipal p = principal;
    if (p != null) {
      principal = new ConnectionPrincipal(p.clientId(), p.certificate(), device, p.sourceIp());
    }
  }

  Channel channel() {
    return channel;
  }

  /** The granted topic filters; the guard's {@code SubscriptionRequests} keeps it. */
  Set<String> subscriptions() {
    return subscriptions;
  }

  /** Whether a granted subscription of this connection matches {@code topic}. */
  boolean isSubscribedTo(String topic) {
    for (String filter : subscriptions) {
      if (TopicFilters.matches(filter, topic)) {
        return true;
      }
    }
    return false;
  }

  /** The client id of the admitted CONNECT, or null before. */
  String clientId() {
    ConnectionPrincipal p = principal;
    return p == null ? null : p.clientId();
  }

  String sessionIdentifier() {
    return sessionIdentifier;
  }

  /** The peer's IP address and port, as {@code 127.0.0.1:54321}. */
  String address() {
    InetSocketAddress peer = (InetSocketAddress) channel.remoteAddress();
    return peer == null ? "?" : peer.getAddress().getHostAddress() + ":" + peer.getPort();
  }

  boolean isOpen() {
    return channel.isOpen();
  }

  /** Runs {@code action} once Moquette reports this client id connected (see the guard). */
  void whenBrokerConnected(Runnable action) {
    onBrokerConnected = action;
  }

  void brokerConnected() {
    Runnable action = onBrokerConnected;
    onBrokerConnected = null;
    if (action != null) {
      action.run();
    }
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
