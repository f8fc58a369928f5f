package dev.iotctl.local.http.server;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;

/**
 * Collects a request's body up to the largest body any operation takes. A larger one is not
 * answered here with Netty's plain-text 413 but handed on as a {@link Rejection}, to be answered in
 * AWS's shape and in order; the rest of its body is read and dropped, so a keep-alive client gets
 * the 413 instead of a reset.
 */
final class BodyAggregator extends HttpObjectAggregator {

  BodyAggregator(int maxBody) {
    super(maxBody);
  }

  @Override
  protected Object newContinueResponse(HttpMessage start, int maxBody, ChannelPipeline pipeline) {
    // Only a body that fits gets "100 Continue"; a larger one gets the 413 (and the connection is
    // closed after it, since the client will not send the body it announced).
    if (HttpUtil.is100ContinueExpected(start) && HttpUtil.getContentLength(start, -1L) <= maxBody) {
      start.headers().remove(HttpHeaderNames.EXPECT);
      return new DefaultFullHttpResponse(
          HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE, Unpooled.EMPTY_BUFFER);
    }
    return null;
  }

  @Override
  protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
    HttpRequest request = (HttpRequest) oversized;
    boolean close = !HttpUtil.isKeepAlive(request) || HttpUtil.is100ContinueExpected(request);
    ctx.fireChannelRead(
        new Rejection(request.method().name(), request.uri(), TransportErrors.tooLarge(), close));
  }
}
