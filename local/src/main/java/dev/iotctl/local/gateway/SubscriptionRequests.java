package dev.iotctl.local.gateway;

import dev.iotctl.core.topic.IotLimits;
import dev.iotctl.core.topic.ReservedTopics;
import dev.iotctl.core.topic.TopicFilters;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttPublishVariableHeader;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttSubAckMessage;
import io.netty.handler.codec.mqtt.MqttSubAckPayload;
import io.netty.handler.codec.mqtt.MqttSubscribeMessage;
import io.netty.handler.codec.mqtt.MqttSubscribePayload;
import io.netty.handler.codec.mqtt.MqttTopicSubscription;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One connection's subscriptions, decided by the guard rather than Moquette. Each requested topic
 * filter is granted or refused with 0x80 as AWS does: refused beyond 256 bytes or 7 slashes, on a
 * reserved topic clients may not subscribe to, without {@code iot:Subscribe}, or beyond 50
 * subscriptions on the connection (and then the connection is closed after the SUBACK, as AWS
 * documents). Only granted filters reach Moquette, in a SUBSCRIBE with the client's packet id, and
 * Moquette's SUBACK is widened back to one code per requested filter; a request with nothing
 * granted is answered by the guard alone, so Moquette never refuses (or logs) a client's filter.
 *
 * <p>After the SUBACK, a granted filter that is exactly a topic with a retained message gets that
 * message with RETAIN set, at the lower of its QoS and the granted one ({@link RetainedMessages};
 * wildcard filters get none, as on AWS). A QoS 1 one carries a packet id half the id space away
 * from the last one Moquette used on the connection, and its PUBACK stays with the guard.
 */
final class SubscriptionRequests {
  static final int FAILURE = 0x80;

  private final DeviceGateway gateway;
  private final LiveConnection connection;

  /** The topic filters subscribed on this connection (the connection's own set). */
  private final Set<String> subscribed;

  /** Requests forwarded to Moquette, by packet id, until its SUBACK. */
  private final Map<Integer, Request> awaitingSubAck = new HashMap<>();

  /** Packet ids of retained messages the guard sent at QoS 1, until the client acknowledges. */
  private final Set<Integer> ownPacketIds = new HashSet<>();

  private int lastBrokerPacketId;

  private record Request(List<MqttTopicSubscription> filters, int[] codes, boolean overLimit) {}

  SubscriptionRequests(DeviceGateway gateway, LiveConnection connection) {
    this.gateway = gateway;
    this.connection = connection;
    this.subscribed = connection.subscriptions();
  }

  void onSubscribe(ChannelHandlerContext ctx, MqttSubscribeMessage subscribe) {
    List<MqttTopicSubscription> requested = subscribe.payload().topicSubscriptions();
    int[] codes = new int[requested.size()];
    List<MqttTopicSubscription> granted = new ArrayList<>(requested.size());
    boolean overLimit = false;
    for (int i = 0; i < requested.size(); i++) {
      MqttTopicSubscription s = requested.get(i);
      String filter = s.topicName();
      if (!allowed(filter)) {
        codes[i] = FAILURE;
      } else if (!subscribed.contains(filter)
          && subscribed.size() >= IotLimits.SUBSCRIPTIONS_PER_CONNECTION_MAX) {
        codes[i] = FAILURE;
        overLimit = true;
      } else {
        codes[i] = s.qualityOfService().value();
        subscribed.add(filter);
        granted.add(s);
      }
    }
    int packetId = subscribe.variableHeader().messageId();
    Request request = new Request(requested, codes, overLimit);
    if (granted.isEmpty()) {
      answer(ctx, packetId, request, ctx.newPromise());
      ctx.flush();
      return;
    }
    awaitingSubAck.put(packetId, request);
    ctx.fireChannelRead(
        granted.size() == requested.size()
            ? subscribe
            : new MqttSubscribeMessage(
                subscribe.fixedHeader(),
                subscribe.variableHeader(),
                new MqttSubscribePayload(granted)));
  }

  private boolean allowed(String filter) {
    return TopicFilters.withinLimits(filter)
        && ReservedTopics.clientMaySubscribe(filter)
        && gateway.authorize(
            connection.principal(), "iot:Subscribe", gateway.resources().topicFilter(filter));
  }

  void onUnsubscribe(List<String> filters) {
    filters.forEach(subscribed::remove);
  }

  /** Moquette's SUBACK for the granted filters, widened to every requested filter. */
  void onSubAck(ChannelHandlerContext ctx, MqttSubAckMessage ack, ChannelPromise promise) {
    int packetId = ack.variableHeader().messageId();
    Request request = awaitingSubAck.remove(packetId);
    if (request == null) {
      ctx.write(ack, promise);
      return;
    }
    List<Integer> fromMoquette = ack.payload().grantedQoSLevels();
    int next = 0;
    for (int i = 0; i < request.codes().length; i++) {
      if (request.codes()[i] != FAILURE) {
        int code = next < fromMoquette.size() ? fromMoquette.get(next++) : FAILURE;
        if (code == FAILURE) {
          subscribed.remove(request.filters().get(i).topicName());
        }
        request.codes()[i] = code;
      }
    }
    answer(ctx, packetId, request, promise);
  }

  /** Writes the SUBACK, then the retained messages of exact filters, then closes if over limit. */
  private void answer(ChannelHandlerContext ctx, int packetId, Request request, ChannelPromise p) {
    ctx.write(subAck(packetId, request.codes()), p);
    for (int i = 0; i < request.codes().length; i++) {
      String filter = request.filters().get(i).topicName();
      int granted = request.codes()[i];
      if (granted != FAILURE && filter.indexOf('+') < 0 && filter.indexOf('#') < 0) {
        gateway
            .retainedMessages()
            .get(filter)
            .filter(
                m ->
                    gateway.authorize(
                        connection.principal(), "iot:Receive", gateway.resources().topic(filter)))
            .ifPresent(m -> ctx.write(retainedPublish(m, Math.min(m.qos(), granted))));
      }
    }
    if (request.overLimit()) {
      connection.noteReason(DisconnectReason.CLIENT_ERROR);
      gateway
          .clientErrors()
          .warn(
              connection.address(),
              connection.clientId(),
              "more than "
                  + IotLimits.SUBSCRIPTIONS_PER_CONNECTION_MAX
                  + " subscriptions on one connection");
      p.addListener(ChannelFutureListener.CLOSE);
    }
  }

  private MqttPublishMessage retainedPublish(RetainedMessages.RetainedMessage m, int qos) {
    int packetId = 0;
    if (qos > 0) {
      packetId = farFrom(lastBrokerPacketId);
      ownPacketIds.add(packetId);
    }
    return new MqttPublishMessage(
        new MqttFixedHeader(MqttMessageType.PUBLISH, false, MqttQoS.valueOf(qos), true, 0),
        new MqttPublishVariableHeader(m.topic(), packetId),
        Unpooled.wrappedBuffer(m.payload()));
  }

  /** An id Moquette will not reach for about 32,000 more QoS 1 messages, and not yet ours. */
  private int farFrom(int brokerId) {
    int id = (brokerId + 32767) % 65535 + 1;
    while (ownPacketIds.contains(id)) {
      id = id % 65535 + 1;
    }
    return id;
  }

  /** Moquette sent a QoS 1 message with this packet id. */
  void noteBrokerPacketId(int packetId) {
    lastBrokerPacketId = packetId;
  }

  /** Whether a PUBACK from the client acknowledges a retained message the guard sent. */
  boolean acknowledges(int packetId) {
    return !ownPacketIds.isEmpty() && ownPacketIds.remove(packetId);
  }

  private static MqttSubAckMessage subAck(int packetId, int[] codes) {
    List<Integer> levels = new ArrayList<>(codes.length);
    for (int code : codes) {
      levels.add(code);
    }
    return new MqttSubAckMessage(
        new MqttFixedHeader(MqttMessageType.SUBACK, false, MqttQoS.AT_MOST_ONCE, false, 0),
        MqttMessageIdVariableHeader.from(packetId),
        new MqttSubAckPayload(levels));
  }
}
