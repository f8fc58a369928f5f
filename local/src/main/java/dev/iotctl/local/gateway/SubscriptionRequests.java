package dev.iotctl.local.gateway;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttSubAckMessage;
import io.netty.handler.codec.mqtt.MqttSubAckPayload;
import io.netty.handler.codec.mqtt.MqttSubscribeMessage;
import io.netty.handler.codec.mqtt.MqttSubscribePayload;
import io.netty.handler.codec.mqtt.MqttTopicSubscription;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One connection's SUBSCRIBE requests. The guard decides each topic filter itself ({@code
 * iot:Subscribe}); only granted filters reach Moquette, in a SUBSCRIBE with the client's packet id,
 * and Moquette's SUBACK is widened back to one return code per requested filter, 0x80 where denied.
 * A request with nothing granted is answered by the guard alone. Moquette therefore never refuses
 * (or logs) a filter a client chose.
 */
final class SubscriptionRequests {
  static final int FAILURE = 0x80;
  private static final int PENDING = -1;

  private final DeviceGateway gateway;

  /** Return codes per packet id, PENDING where Moquette's SUBACK supplies the code. */
  private final Map<Integer, int[]> awaitingSubAck = new HashMap<>();

  SubscriptionRequests(DeviceGateway gateway) {
    this.gateway = gateway;
  }

  void onSubscribe(
      ChannelHandlerContext ctx, LiveConnection connection, MqttSubscribeMessage subscribe) {
    List<MqttTopicSubscription> requested = subscribe.payload().topicSubscriptions();
    int[] codes = new int[requested.size()];
    List<MqttTopicSubscription> granted = new ArrayList<>(requested.size());
    for (int i = 0; i < requested.size(); i++) {
      MqttTopicSubscription s = requested.get(i);
      if (gateway.authorize(
          connection.principal(),
          "iot:Subscribe",
          gateway.resources().topicFilter(s.topicName()))) {
        codes[i] = PENDING;
        granted.add(s);
      } else {
        codes[i] = FAILURE;
      }
    }
    int packetId = subscribe.variableHeader().messageId();
    if (granted.isEmpty()) {
      ctx.writeAndFlush(subAck(packetId, codes));
      return;
    }
    awaitingSubAck.put(packetId, codes);
    if (granted.size() == requested.size()) {
      ctx.fireChannelRead(subscribe);
    } else {
      ctx.fireChannelRead(
          new MqttSubscribeMessage(
              subscribe.fixedHeader(),
              subscribe.variableHeader(),
              new MqttSubscribePayload(granted)));
    }
  }

  /** Moquette's SUBACK for the granted filters, widened to every requested filter. */
  void onSubAck(ChannelHandlerContext ctx, MqttSubAckMessage ack, ChannelPromise promise) {
    int packetId = ack.variableHeader().messageId();
    int[] codes = awaitingSubAck.remove(packetId);
    if (codes == null) {
      ctx.write(ack, promise);
      return;
    }
    List<Integer> fromMoquette = ack.payload().grantedQoSLevels();
    int next = 0;
    for (int i = 0; i < codes.length; i++) {
      if (codes[i] == PENDING) {
        codes[i] = next < fromMoquette.size() ? fromMoquette.get(next++) : FAILURE;
      }
    }
    ctx.write(subAck(packetId, codes), promise);
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
