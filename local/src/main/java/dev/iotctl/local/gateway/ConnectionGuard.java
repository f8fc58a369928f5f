package dev.iotctl.local.gateway;

import dev.iotctl.core.pki.CertificateIds;
import dev.iotctl.core.topic.IotLimits;
import dev.iotctl.core.topic.ReservedTopics;
import dev.iotctl.core.topic.TopicFilters;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttConnectPayload;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttConnectVariableHeader;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttPubReplyMessageVariableHeader;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttSubAckMessage;
import io.netty.handler.codec.mqtt.MqttSubscribeMessage;
import io.netty.handler.codec.mqtt.MqttUnacceptableProtocolVersionException;
import io.netty.handler.codec.mqtt.MqttUnsubscribeMessage;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;

/**
 * Sits in each connection's pipeline between the MQTT codec and Moquette's handlers and enforces
 * what Moquette cannot, so that Moquette only ever sees well-formed packets it may act on:
 *
 * <ul>
 *   <li>the connection is tracked from the end of the TLS handshake, so a change of its certificate
 *       reaches it whatever it does next; it must CONNECT within {@link #CONNECT_TIMEOUT};
 *   <li>the protocol: CONNECT first and once, nothing before the CONNACK, no packet a server sends,
 *       no QoS 2 flow, no malformed packet — any of these closes the connection at once;
 *   <li>{@code iot:Connect} before Moquette sees the CONNECT: a denied client id is closed without
 *       a CONNACK, so it never takes over the owner's session; a Will the client may not publish is
 *       dropped;
 *   <li>per PUBLISH: AWS's topic limits, the reserved topics a client may publish to, {@code
 *       iot:Publish} (and {@code iot:RetainPublish} for RETAIN) — a breach disconnects; QoS 2 is
 *       dropped unanswered (AWS); with {@code --quotas aws}, beyond 100 a second is discarded;
 *       RETAIN is handled by {@link RetainedMessages}, not Moquette;
 *   <li>per SUBSCRIBE: at most 8 filters (more disconnects), then each filter is decided by {@link
 *       SubscriptionRequests}; a SUBSCRIBE asking for QoS 2 is dropped unanswered (AWS);
 *   <li>{@code iot:Receive} per delivered message (see {@link #write});
 *   <li>lifecycle events once the CONNACK is written and when the channel closes;
 *   <li>one WARN line per client-caused error ({@link ClientErrorLog}), never a stack trace.
 * </ul>
 *
 * <p>It runs on the connection's event loop; its state needs no locks. Its own checks on a PUBLISH
 * allocate nothing (topic checks count in place; the quota is a primitive token bucket); copies are
 * made only for retained messages and for {@code $aws/} topics handed to the shadow service. The
 * policy evaluation it calls ({@link GatewayAuthorizer}) and the rules engine's copy in {@link
 * DeviceGateway#offerRouted} are the per-message costs left on that path.
 */
final class ConnectionGuard extends ChannelDuplexHandler {
  /** How long after its TLS handshake a connection may take to send CONNECT. */
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  private enum State {
    HANDSHAKING,
    AWAITING_CONNECT,
    CONNECTING,
    CONNECTED
  }

  private final DeviceGateway gateway;
  private SubscriptionRequests subscriptions;
  private State state = State.HANDSHAKING;
  private LiveConnection connection;
  private ScheduledFuture<?> connectDeadline;
  private InFlightRequests serviceRequests = InFlightRequests.unlimited();

  /** AWS's 100 publishes a second per connection, with {@code --quotas aws}: a token bucket. */
  private double publishTokens = IotLimits.PUBLISH_PER_CONNECTION_PER_SECOND;

  private long publishRefill;

  ConnectionGuard(DeviceGateway gateway) {
    this.gateway = gateway;
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    if (evt instanceof SslHandshakeCompletionEvent done) {
      if (done.isSuccess()) {
        onHandshake(ctx);
      } else {
        refuse(ctx, "TLS handshake failed: " + ClientErrorLog.quote(rootMessage(done.cause())));
        return;
      }
    }
    super.userEventTriggered(ctx, evt);
  }

  private void onHandshake(ChannelHandlerContext ctx) throws SSLException {
    SSLSession session = ctx.pipeline().get(SslHandler.class).engine().getSession();
    X509Certificate peer = (X509Certificate) session.getPeerCertificates()[0];
    // No resumption: every connection runs the trust manager's registry check again.
    session.invalidate();
    connection = new LiveConnection(ctx.channel(), peer, CertificateIds.of(peer));
    gateway.connections().track(connection);
    // Tracked first, then checked: a status change either finds it or is seen here.
    if (gateway.activeDevice(connection.certificateId()).isEmpty()) {
      refuse(ctx, "certificate " + connection.certificateId() + " is no longer ACTIVE");
      return;
    }
    state = State.AWAITING_CONNECT;
    connectDeadline =
        ctx.executor()
            .schedule(
                () -> {
                  if (state == State.AWAITING_CONNECT) {
                    refuse(ctx, "no CONNECT within " + CONNECT_TIMEOUT.toSeconds() + " s of TLS");
                  }
                },
                CONNECT_TIMEOUT.toMillis(),
                TimeUnit.MILLISECONDS);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof MqttMessage mqtt)) {
      ctx.fireChannelRead(msg);
      return;
    }
    if (mqtt.decoderResult().isFailure()) {
      ReferenceCountUtil.release(msg);
      onUndecodable(ctx, mqtt);
      return;
    }
    switch (mqtt.fixedHeader().messageType()) {
      case CONNECT -> onConnect(ctx, (MqttConnectMessage) mqtt);
      case PUBLISH -> onPublish(ctx, (MqttPublishMessage) mqtt);
      case SUBSCRIBE -> onSubscribe(ctx, (MqttSubscribeMessage) mqtt);
      case UNSUBSCRIBE -> onUnsubscribe(ctx, (MqttUnsubscribeMessage) mqtt);
      case PUBACK -> onPubAck(ctx, mqtt);
      case PINGREQ -> passIfConnected(ctx, mqtt);
      case DISCONNECT -> {
        if (state == State.CONNECTED) {
          connection.noteReason(DisconnectReason.CLIENT_INITIATED_DISCONNECT);
        }
        passIfConnected(ctx, mqtt);
      }
      case PUBREC, PUBREL, PUBCOMP ->
          violation(ctx, mqtt, mqtt.fixedHeader().messageType() + ": QoS 2 is not supported");
      default -> violation(ctx, mqtt, mqtt.fixedHeader().messageType() + " is sent by servers");
    }
  }

  private void onUndecodable(ChannelHandlerContext ctx, MqttMessage mqtt) {
    Throwable cause = mqtt.decoderResult().cause();
    if (cause instanceof MqttUnacceptableProtocolVersionException
        && state == State.AWAITING_CONNECT) {
      refuseConnect(
          ctx,
          MqttConnectReturnCode.CONNECTION_REFUSED_UNACCEPTABLE_PROTOCOL_VERSION,
          "unsupported protocol in CONNECT: " + ClientErrorLog.quote(cause.getMessage()));
      return;
    }
    String type = mqtt.fixedHeader() == null ? "packet" : mqtt.fixedHeader().messageType() + "";
    refuse(ctx, "malformed " + type + ": " + ClientErrorLog.quote(rootMessage(cause)));
  }

  private void onConnect(ChannelHandlerContext ctx, MqttConnectMessage connect) {
    if (state != State.AWAITING_CONNECT) {
      violation(ctx, connect, "CONNECT " + (state == State.HANDSHAKING ? "before TLS" : "again"));
      return;
    }
    connectDeadline.cancel(false);
    MqttConnectVariableHeader header = connect.variableHeader();
    MqttConnectPayload payload = connect.payload();
    if (header.version() != 3 && header.version() != 4) {
      ReferenceCountUtil.release(connect);
      refuseConnect(
          ctx,
          MqttConnectReturnCode.CONNECTION_REFUSED_UNACCEPTABLE_PROTOCOL_VERSION,
          "MQTT protocol level " + header.version() + " is not supported");
      return;
    }
    String malformed = MqttRules.connectProblem(header, payload);
    if (malformed != null) {
      violation(ctx, connect, "malformed CONNECT: " + malformed);
      return;
    }
    String clientId = payload.clientIdentifier();
    if (clientId.isEmpty() || utf8Length(clientId) > IotLimits.CLIENT_ID_MAX_BYTES) {
      ReferenceCountUtil.release(connect);
      refuseConnect(
          ctx,
          MqttConnectReturnCode.CONNECTION_REFUSED_IDENTIFIER_REJECTED,
          "client id " + ClientErrorLog.quote(clientId) + " is empty or over 128 bytes");
      return;
    }
    long changes = gateway.registryChanges();
    Optional<DeviceRecord> device = gateway.activeDevice(connection.certificateId());
    if (device.isEmpty()) {
      ReferenceCountUtil.release(connect);
      refuse(ctx, "certificate " + connection.certificateId() + " is no longer ACTIVE");
      return;
    }
    ConnectionPrincipal principal =
        new ConnectionPrincipal(clientId, connection.certificate(), device.get(), sourceIp(ctx));
    if (!gateway.authorize(principal, "iot:Connect", gateway.resources().client(clientId))) {
      gateway.lifecycle().connectFailed(principal);
      ReferenceCountUtil.release(connect);
      refuse(ctx, "iot:Connect denied for client id " + ClientErrorLog.quote(clientId));
      return;
    }
    connection.admit(principal);
    gateway.connections().admit(connection);
    subscriptions = new SubscriptionRequests(gateway, connection);
    state = State.CONNECTING;
    if (gateway.awsQuotas()) {
      serviceRequests = new InFlightRequests(IotLimits.SHADOW_IN_FLIGHT_PER_CONNECTION);
      publishRefill = System.nanoTime();
    }
    ctx.fireChannelRead(withAllowedWill(ctx, connect, principal));
    // The registry changed while this CONNECT was judged: judge it again with the new view.
    if (gateway.registryChanges() != changes) {
      gateway.recheck(connection);
    }
  }

  /**
   * The CONNECT as Moquette may act on it: a Will the client may not publish (its policies deny
   * {@code iot:Publish} on the Will topic, or the topic is reserved) is removed, as AWS would not
   * publish it; the Will Retain flag is cleared (the gateway, not Moquette, keeps retained
   * messages, and a retained Will is not supported).
   */
  private MqttConnectMessage withAllowedWill(
      ChannelHandlerContext ctx, MqttConnectMessage connect, ConnectionPrincipal principal) {
    MqttConnectVariableHeader h = connect.variableHeader();
    if (!h.isWillFlag()) {
      return connect;
    }
    String willTopic = connect.payload().willTopic();
    boolean allowed =
        TopicFilters.withinLimits(willTopic)
            && !ReservedTopics.isReserved(willTopic)
            && gateway.authorize(principal, "iot:Publish", gateway.resources().topic(willTopic));
    if (allowed && !h.isWillRetain()) {
      return connect;
    }
    if (!allowed) {
      gateway
          .clientErrors()
          .warn(address(ctx), principal.clientId(), "Will dropped: " + quoteTopic(willTopic));
    }
    MqttConnectVariableHeader header =
        new MqttConnectVariableHeader(
            h.name(),
            h.version(),
            h.hasUserName(),
            h.hasPassword(),
            false,
            allowed ? h.willQos() : 0,
            allowed,
            h.isCleanSession(),
            h.keepAliveTimeSeconds(),
            h.properties());
    MqttConnectPayload p = connect.payload();
    MqttConnectPayload payload =
        new MqttConnectPayload(
            p.clientIdentifier(),
            p.willProperties(),
            allowed ? p.willTopic() : null,
            allowed ? p.willMessageInBytes() : null,
            p.userName(),
            p.passwordInBytes());
    return new MqttConnectMessage(connect.fixedHeader(), header, payload);
  }

  private void onPublish(ChannelHandlerContext ctx, MqttPublishMessage publish) {
    if (state != State.CONNECTED) {
      violation(ctx, publish, "PUBLISH before CONNACK");
      return;
    }
    String topic = publish.variableHeader().topicName();
    if (!TopicFilters.isWellFormedTopic(topic)) {
      violation(ctx, publish, "PUBLISH to the invalid topic " + ClientErrorLog.quote(topic));
      return;
    }
    if (publish.fixedHeader().qosLevel() == MqttQoS.EXACTLY_ONCE) {
      ReferenceCountUtil.release(publish); // AWS: no PUBACK for QoS 2
      return;
    }
    if (!TopicFilters.withinLimits(topic)) {
      violation(ctx, publish, "PUBLISH topic over 256 bytes or 7 slashes: " + quoteTopic(topic));
      return;
    }
    boolean retain = publish.fixedHeader().isRetain();
    if (ReservedTopics.isReserved(topic) && (retain || !ReservedTopics.clientMayPublish(topic))) {
      violation(
          ctx,
          publish,
          (retain ? "retained PUBLISH to the reserved topic " : "PUBLISH to the reserved topic ")
              + quoteTopic(topic));
      return;
    }
    ConnectionPrincipal who = connection.principal();
    String resource = gateway.resources().topic(topic);
    if (!gateway.authorize(who, "iot:Publish", resource)) {
      ReferenceCountUtil.release(publish);
      closeWith(ctx, DisconnectReason.AUTH_ERROR, "iot:Publish denied on " + quoteTopic(topic));
      return;
    }
    if (retain && !gateway.authorize(who, "iot:RetainPublish", resource)) {
      ReferenceCountUtil.release(publish);
      closeWith(
          ctx, DisconnectReason.AUTH_ERROR, "iot:RetainPublish denied on " + quoteTopic(topic));
      return;
    }
    if (gateway.awsQuotas() && !takePublishToken()) {
      ReferenceCountUtil.release(
          publish); // AWS: "Publish requests exceeding that limit will be discarded"
      gateway
          .clientErrors()
          .warn(address(ctx), clientId(), "PUBLISH over 100 a second discarded (--quotas aws)");
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
    MqttPublishMessage routed = retain ? retainedByTheGateway(publish) : publish;
    DevicePublishListener listener = gateway.devicePublishListener();
    if (listener != null && topic.startsWith("$aws/")) {
      byte[] payload = ByteBufUtil.getBytes(routed.payload());
      ctx.fireChannelRead(routed);
      listener.onPublish(who, serviceRequests, topic, payload);
      return;
    }
    ctx.fireChannelRead(routed);
  }

  /**
   * Stores (or deletes) the retained message and returns the PUBLISH Moquette routes: the same
   * message without RETAIN, so that Moquette keeps no retained messages of its own.
   */
  private MqttPublishMessage retainedByTheGateway(MqttPublishMessage publish) {
    gateway
        .retainedMessages()
        .retain(
            publish.variableHeader().topicName(),
            ByteBufUtil.getBytes(publish.payload()),
            publish.fixedHeader().qosLevel().value());
    MqttFixedHeader h = publish.fixedHeader();
    return new MqttPublishMessage(
        new MqttFixedHeader(h.messageType(), h.isDup(), h.qosLevel(), false, h.remainingLength()),
        publish.variableHeader(),
        publish.payload());
  }

  private boolean takePublishToken() {
    long now = System.nanoTime();
    double rate = IotLimits.PUBLISH_PER_CONNECTION_PER_SECOND;
    publishTokens = Math.min(rate, publishTokens + (now - publishRefill) * rate / 1e9);
    publishRefill = now;
    if (publishTokens < 1) {
      return false;
    }
    publishTokens -= 1;
    return true;
  }

  private void onSubscribe(ChannelHandlerContext ctx, MqttSubscribeMessage subscribe) {
    if (state != State.CONNECTED) {
      violation(ctx, subscribe, "SUBSCRIBE before CONNACK");
      return;
    }
    String problem = MqttRules.subscribeProblem(subscribe);
    if (problem != null) {
      violation(ctx, subscribe, "malformed SUBSCRIBE: " + problem);
      return;
    }
    if (subscribe.payload().topicSubscriptions().stream()
        .anyMatch(s -> s.qualityOfService() == MqttQoS.EXACTLY_ONCE)) {
      ReferenceCountUtil.release(subscribe); // AWS: no SUBACK for QoS 2
      return;
    }
    int filters = subscribe.payload().topicSubscriptions().size();
    if (filters > IotLimits.SUBSCRIPTIONS_PER_SUBSCRIBE_MAX) {
      violation(ctx, subscribe, "SUBSCRIBE with " + filters + " topic filters (AWS allows 8)");
      return;
    }
    subscriptions.onSubscribe(ctx, subscribe);
  }

  private void onUnsubscribe(ChannelHandlerContext ctx, MqttUnsubscribeMessage unsubscribe) {
    if (state != State.CONNECTED) {
      violation(ctx, unsubscribe, "UNSUBSCRIBE before CONNACK");
      return;
    }
    String problem = MqttRules.unsubscribeProblem(unsubscribe);
    if (problem != null) {
      violation(ctx, unsubscribe, "malformed UNSUBSCRIBE: " + problem);
      return;
    }
    subscriptions.onUnsubscribe(unsubscribe.payload().topics());
    ctx.fireChannelRead(unsubscribe);
  }

  private void onPubAck(ChannelHandlerContext ctx, MqttMessage ack) {
    if (state != State.CONNECTED) {
      violation(ctx, ack, "PUBACK before CONNACK");
      return;
    }
    // Netty also reads MQTT 5's reason code and properties; MQTT 3.1.1 has neither.
    if (ack.variableHeader() instanceof MqttPubReplyMessageVariableHeader reply
        && (reply.reasonCode() != 0 || !reply.properties().isEmpty())) {
      violation(ctx, ack, "malformed PUBACK: MQTT 5 reason code or properties");
      return;
    }
    if (subscriptions.acknowledges(packetId(ack))) {
      return; // a retained message the guard delivered itself: not Moquette's business
    }
    ctx.fireChannelRead(ack);
  }

  private void passIfConnected(ChannelHandlerContext ctx, MqttMessage mqtt) {
    if (state != State.CONNECTED) {
      violation(ctx, mqtt, mqtt.fixedHeader().messageType() + " before CONNACK");
      return;
    }
    ctx.fireChannelRead(mqtt);
  }

  /**
   * Outbound: a delivery the receiving connection's policies deny ({@code iot:Receive}) is dropped.
   * For QoS 1 that leaves Moquette waiting for a PUBACK in its in-flight window of ten; as Moquette
   * has no per-delivery hook and releases a slot only on an inbound PUBACK, the guard hands
   * Moquette that PUBACK on the client's behalf (the client never sees the message).
   */
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
      if (publish.fixedHeader().qosLevel() != MqttQoS.AT_MOST_ONCE) {
        subscriptions.noteBrokerPacketId(publish.variableHeader().packetId());
      }
    } else if (msg instanceof MqttSubAckMessage ack && subscriptions != null) {
      subscriptions.onSubAck(ctx, ack, promise);
      return;
    } else if (msg instanceof MqttConnAckMessage ack
        && ack.variableHeader().connectReturnCode() == MqttConnectReturnCode.CONNECTION_ACCEPTED
        && state == State.CONNECTING) {
      state = State.CONNECTED;
      holdReadsUntilTheBrokerIsConnected(ctx);
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

  /**
   * Moquette marks a connection connected only in a listener on its CONNACK write, which it may
   * attach (from its session thread) after the write completed, so that the client's first packet
   * can arrive before: Moquette then drops the connection ("SUBSCRIBE received on already closed
   * connection"). The guard stops reading from the CONNACK until Moquette reports the client
   * connected to its interceptors (which it does after marking it), or for at most {@link
   * #CONNECT_TIMEOUT}.
   */
  private void holdReadsUntilTheBrokerIsConnected(ChannelHandlerContext ctx) {
    ctx.channel().config().setAutoRead(false);
    Runnable resume = () -> ctx.channel().config().setAutoRead(true);
    connection.whenBrokerConnected(() -> ctx.executor().execute(resume));
    ctx.executor().schedule(resume, CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    if (connectDeadline != null) {
      connectDeadline.cancel(false);
    }
    if (connection != null) {
      gateway.connections().remove(connection);
      if (connection.principal() != null) {
        gateway.lifecycle().disconnected(connection);
      }
    }
    super.channelInactive(ctx);
  }

  /**
   * Errors from TLS or the codec end here instead of in Moquette's handler (which would log each
   * with a stack trace). A failed handshake was already reported by its completion event.
   */
  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (!ctx.channel().isActive() || isHandshakeFailure(cause)) {
      ctx.close();
    } else if (cause instanceof IOException) {
      ctx.close(); // reset by the peer: nothing to report
    } else {
      refuse(ctx, "closed after an error: " + ClientErrorLog.quote(rootMessage(cause)));
    }
  }

  private boolean isHandshakeFailure(Throwable cause) {
    return state == State.HANDSHAKING
        && (cause instanceof SSLException
            || cause instanceof DecoderException && cause.getCause() instanceof SSLException);
  }

  /** Closes for a broken protocol rule (AWS: {@code CLIENT_ERROR}). */
  private void violation(ChannelHandlerContext ctx, MqttMessage msg, String what) {
    ReferenceCountUtil.release(msg);
    closeWith(ctx, DisconnectReason.CLIENT_ERROR, what);
  }

  private void closeWith(ChannelHandlerContext ctx, DisconnectReason reason, String what) {
    if (connection != null) {
      connection.noteReason(reason);
    }
    refuse(ctx, what);
  }

  /** Logs one line for this client and closes the connection. */
  private void refuse(ChannelHandlerContext ctx, String what) {
    if (ctx.channel().isOpen()) {
      gateway.clientErrors().warn(address(ctx), clientId(), what);
    }
    ctx.close();
  }

  private void refuseConnect(ChannelHandlerContext ctx, MqttConnectReturnCode code, String what) {
    gateway.clientErrors().warn(address(ctx), null, what);
    ctx.writeAndFlush(MqttMessageBuilders.connAck().returnCode(code).build())
        .addListener(ChannelFutureListener.CLOSE);
  }

  private String clientId() {
    return connection == null ? null : connection.clientId();
  }

  private static String address(ChannelHandlerContext ctx) {
    InetSocketAddress peer = (InetSocketAddress) ctx.channel().remoteAddress();
    return peer == null ? "?" : peer.getAddress().getHostAddress() + ":" + peer.getPort();
  }

  private static String sourceIp(ChannelHandlerContext ctx) {
    return ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress().getHostAddress();
  }

  private static String quoteTopic(String topic) {
    return ClientErrorLog.quote(topic);
  }

  private static String rootMessage(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }

  private static int utf8Length(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  static int packetId(MqttMessage message) {
    return ((MqttMessageIdVariableHeader) message.variableHeader()).messageId();
  }
}
