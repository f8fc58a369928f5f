package dev.iotctl.local.gateway;

import dev.iotctl.core.pki.CertificateIds;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttSubscribeMessage;
import io.netty.handler.codec.mqtt.MqttUnsubscribeMessage;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;

/**
 * Sits in each connection's pipeline between the MQTT codec and Moquette's handler and enforces
 * what Moquette cannot:
 *
 * <ul>
 *   <li>{@code iot:Connect} before Moquette sees the CONNECT: a denied client id is closed without
 *       a CONNACK, so it never takes over the owner's session;
 *   <li>{@code iot:Publish} per message: an unauthorized publish disconnects the client, as on AWS;
 *   <li>{@code iot:Receive} per delivered message: a denied delivery is dropped and, for QoS 1,
 *       acknowledged to Moquette on the client's behalf so its in-flight window does not stall;
 *   <li>QoS 2 is not supported: such a PUBLISH or SUBSCRIBE gets no acknowledgement, as AWS
 *       documents;
 *   <li>lifecycle events once the CONNACK is written and when the channel closes.
 * </ul>
 *
 * {@code iot:Subscribe} is checked by {@link GatewayAuthorizatorPolicy} (Moquette answers 0x80).
 */
final class ConnectionGuard extends ChannelDuplexHandler {
  private final DeviceGateway gateway;
  private X509Certificate peer;
  private LiveConnection connection;
  private boolean connectSeen;

  ConnectionGuard(DeviceGateway gateway) {
    this.gateway = gateway;
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    if (evt instanceof SslHandshakeCompletionEvent done && done.isSuccess()) {
      SSLSession session = ctx.pipeline().get(SslHandler.class).engine().getSession();
      Certificate[] chain = session.getPeerCertificates();
      peer = (X509Certificate) chain[0];
      // No resumption: every connection runs the trust manager's registry check again.
      session.invalidate();
    }
    super.userEventTriggered(ctx, evt);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof MqttMessage mqtt) || mqtt.decoderResult().isFailure()) {
      ctx.fireChannelRead(msg);
      return;
    }
    switch (mqtt.fixedHeader().messageType()) {
      case CONNECT -> onConnect(ctx, (MqttConnectMessage) mqtt);
      case PUBLISH -> onPublish(ctx, (MqttPublishMessage) mqtt);
      case SUBSCRIBE -> onSubscribe(ctx, (MqttSubscribeMessage) mqtt);
      case UNSUBSCRIBE -> {
        if (connection != null) {
          ((MqttUnsubscribeMessage) mqtt).payload().topics().forEach(connection::unsubscribed);
        }
        ctx.fireChannelRead(msg);
      }
      case DISCONNECT -> {
        if (connection != null) {
          connection.noteReason(DisconnectReason.CLIENT_INITIATED_DISCONNECT);
        }
        ctx.fireChannelRead(msg);
      }
      default -> ctx.fireChannelRead(msg);
    }
  }

  private void onConnect(ChannelHandlerContext ctx, MqttConnectMessage connect) {
    if (connectSeen) {
      ReferenceCountUtil.release(connect);
      closeWith(ctx, DisconnectReason.CLIENT_ERROR);
      return;
    }
    connectSeen = true;
    String clientId = connect.payload().clientIdentifier();
    Optional<ConnectionPrincipal> principal = identify(ctx, clientId);
    if (principal.isEmpty()) {
      ReferenceCountUtil.release(connect);
      ctx.close();
      return;
    }
    if (!gateway.authorize(principal.get(), "iot:Connect", gateway.resources().client(clientId))) {
      gateway.lifecycle().connectFailed(principal.get());
      ReferenceCountUtil.release(connect);
      ctx.close();
      return;
    }
    connection = new LiveConnection(ctx.channel(), principal.get());
    gateway.connections().admit(connection);
    ctx.fireChannelRead(connect);
  }

  /**
   * Who connects: the certificate re-read from the registry (a long handshake must not outlive a
   * revocation) and the CONNECT's client id; empty when the certificate is no longer ACTIVE.
   */
  private Optional<ConnectionPrincipal> identify(ChannelHandlerContext ctx, String clientId) {
    if (peer == null || clientId == null || clientId.isEmpty()) {
      return Optional.empty();
    }
    return gateway
        .directory()
        .findForConnection(CertificateIds.of(peer))
        .filter(DeviceRecord::isActive)
        .map(device -> new ConnectionPrincipal(clientId, peer, device, sourceIp(ctx)));
  }

  private static String sourceIp(ChannelHandlerContext ctx) {
    return ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress().getHostAddress();
  }

  private void onPublish(ChannelHandlerContext ctx, MqttPublishMessage publish) {
    if (connection == null) {
      ReferenceCountUtil.release(publish);
      ctx.close();
      return;
    }
    if (publish.fixedHeader().qosLevel() == MqttQoS.EXACTLY_ONCE) {
      ReferenceCountUtil.release(publish);
      return;
    }
    String topic = publish.variableHeader().topicName();
    ConnectionPrincipal who = connection.principal();
    if (!gateway.authorize(who, "iot:Publish", gateway.resources().topic(topic))) {
      ReferenceCountUtil.release(publish);
      closeWith(ctx, DisconnectReason.AUTH_ERROR);
      return;
    }
    if (!gateway.offerRouted(who, topic, publish.payload())) {
      // Basic Ingest: the rules engine took it; acknowledge as the broker would.
      if (publish.fixedHeader().qosLevel() == MqttQoS.AT_LEAST_ONCE) {
        ctx.writeAndFlush(
            MqttMessageBuilders.pubAck().packetId(publish.variableHeader().packetId()).build());
      }
      ReferenceCountUtil.release(publish);
      return;
    }
    DevicePublishListener listener = gateway.devicePublishListener();
    if (listener != null && topic.startsWith("$aws/")) {
      byte[] payload = ByteBufUtil.getBytes(publish.payload());
      ctx.fireChannelRead(publish);
      listener.onPublish(who, topic, payload);
      return;
    }
    ctx.fireChannelRead(publish);
  }

  private void onSubscribe(ChannelHandlerContext ctx, MqttSubscribeMessage subscribe) {
    boolean qos2 =
        subscribe.payload().topicSubscriptions().stream()
            .anyMatch(s -> s.qualityOfService() == MqttQoS.EXACTLY_ONCE);
    if (connection == null || qos2) {
      ReferenceCountUtil.release(subscribe);
      return;
    }
    ctx.fireChannelRead(subscribe);
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (msg instanceof MqttPublishMessage publish && connection != null) {
      String topic = publish.variableHeader().topicName();
      if (!gateway.authorize(
          connection.principal(), "iot:Receive", gateway.resources().topic(topic))) {
        ReferenceCountUtil.release(publish);
        promise.setSuccess();
        if (publish.fixedHeader().qosLevel() != MqttQoS.AT_MOST_ONCE) {
          int packetId = publish.variableHeader().packetId();
          ctx.fireChannelRead(MqttMessageBuilders.pubAck().packetId(packetId).build());
        }
        return;
      }
    } else if (msg instanceof MqttConnAckMessage ack
        && ack.variableHeader().connectReturnCode() == MqttConnectReturnCode.CONNECTION_ACCEPTED
        && connection != null) {
      LiveConnection admitted = connection;
      promise.addListener(
          (ChannelFutureListener)
              f -> {
                if (f.isSuccess()) {
                  gateway.lifecycle().connected(admitted);
                }
              });
    }
    ctx.write(msg, promise);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    if (connection != null) {
      gateway.connections().remove(connection);
      gateway.lifecycle().disconnected(connection);
    }
    super.channelInactive(ctx);
  }

  /** Refused handshakes are routine here: close quietly instead of Moquette's stack trace. */
  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof SSLException || cause.getCause() instanceof SSLException) {
      ctx.close();
      return;
    }
    ctx.fireExceptionCaught(cause);
  }

  private void closeWith(ChannelHandlerContext ctx, DisconnectReason reason) {
    if (connection != null) {
      connection.noteReason(reason);
    }
    ctx.close();
  }
}
