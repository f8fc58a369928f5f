package dev.iotctl.local.http.server;

import dev.iotctl.core.error.IotException;
import dev.iotctl.local.http.error.ErrorResponses;
import dev.iotctl.local.log.LogText;
import dev.iotctl.local.log.ThrottledLog;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.PrematureChannelClosureException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * One connection's requests, answered one at a time and in order (HTTP/1.1 pipelining): whole
 * requests go to a worker thread through {@link ApiDispatcher}; requests refused as HTTP are
 * answered here in AWS's shape. After an answer that ends the connection, the server stops reading
 * requests, sends FIN and keeps draining what the client still sends for a moment, so the client
 * reads the answer instead of a reset.
 *
 * <p>Client-caused trouble (malformed request, timeout, disconnect mid-request) is one rate-limited
 * WARN line per connection naming the client's address, with client text escaped. Runs on the
 * channel's event loop except {@link ApiDispatcher#respond}.
 */
final class ConnectionHandler extends ChannelInboundHandlerAdapter implements ReadDeadlines.Expiry {
  /** Requests queued on one connection before it stops reading more. */
  private static final int MAX_QUEUED = 8;

  /** How long a closing connection keeps draining input after its last answer. */
  static final Duration LINGER = Duration.ofSeconds(2);

  private final ApiDispatcher dispatcher;
  private final Executor workers;
  private final ThrottledLog clientLog;
  private final ResponseDates dates;
  private final Duration unreadLimit;
  private final Queue<Object> queue = new ArrayDeque<>();
  private ReadDeadlines deadlines;
  private ChannelHandlerContext ctx;
  private boolean answering;
  private boolean noMoreRequests;
  private boolean closing;
  private boolean inputClosed;
  private boolean warned;

  /**
   * @param unreadLimit how long an answer may wait for the client to read it before the connection
   *     is dropped
   */
  ConnectionHandler(
      ApiDispatcher dispatcher,
      Executor workers,
      ThrottledLog clientLog,
      ResponseDates dates,
      Duration unreadLimit) {
    this.dispatcher = dispatcher;
    this.workers = workers;
    this.clientLog = clientLog;
    this.dates = dates;
    this.unreadLimit = unreadLimit;
  }

  void deadlines(ReadDeadlines readDeadlines) {
    this.deadlines = readDeadlines;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext context) {
    ctx = context;
  }

  @Override
  public void channelRead(ChannelHandlerContext context, Object msg) {
    if (noMoreRequests || !(msg instanceof FullHttpRequest || msg instanceof Rejection)) {
      ReferenceCountUtil.release(msg);
      return;
    }
    queue.add(msg);
    if (queue.size() >= MAX_QUEUED && context.channel().config().isAutoRead()) {
      context.channel().config().setAutoRead(false);
      deadlines.paused(true);
    }
    answerNext();
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext context, Object event) {
    if (event instanceof ChannelInputShutdownEvent) {
      inputClosed = true;
      if (closing) {
        context.close();
      } else if (deadlines.midRequest()) {
        clientTrouble("closed its side of the connection mid-request", deadlines.head());
        refuseFurther(new Rejection(null, null, TransportErrors.incomplete(), true));
      } else {
        answerNext(); // closes once the queued requests are answered
      }
    }
    ReferenceCountUtil.release(event);
  }

  @Override
  public void channelInactive(ChannelHandlerContext context) {
    if (!closing && deadlines.midRequest()) {
      clientTrouble("dropped the connection mid-request", deadlines.head());
    }
    closing = true;
    deadlines.stop();
    queue.forEach(ReferenceCountUtil::release);
    queue.clear();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
    if (closing || !context.channel().isActive()) {
      return;
    }
    if (cause instanceof PrematureChannelClosureException) {
      return; // the aggregator's view of a close that channelInactive reports
    }
    if (cause instanceof IOException) {
      if (deadlines.midRequest() || answering) {
        clientTrouble(
            "broke the connection mid-request (" + LogText.escape(cause.getMessage()) + ")", null);
      }
      closeNow();
      return;
    }
    if (cause instanceof DecoderException) {
      // The parser cannot go on (e.g. a chunk size that overflows): answer and close.
      IotException error = TransportErrors.of(cause.getCause());
      clientTrouble(describe(error, cause.getCause()), deadlines.head());
      refuseFurther(new Rejection(null, null, error, true));
      return;
    }
    clientLog.error("HTTP connection from " + address() + " failed: a stand-in bug", cause);
    closeNow();
  }

  @Override
  public void requestTimedOut(String part, Duration limit, HttpRequest head) {
    IotException error = TransportErrors.timeout(part, limit);
    clientTrouble(describe(error, null), head);
    refuseFurther(
        new Rejection(
            head == null ? null : head.method().name(),
            head == null ? null : head.uri(),
            error,
            true));
  }

  @Override
  public void idle() {
    closeNow();
  }

  /** Stops reading requests; {@code last} is answered after those already queued. */
  private void refuseFurther(Rejection last) {
    noMoreRequests = true;
    deadlines.stop();
    ctx.channel().config().setAutoRead(true); // keep draining, so the client is not reset
    if (ctx.pipeline().get(Discard.class) == null) {
      ctx.pipeline().addFirst(new Discard());
    }
    queue.add(last);
    answerNext();
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext context) {
    answerNext(); // a client that does not read its answers gets no more until it does
  }

  private void answerNext() {
    while (!answering && !closing && ctx.channel().isWritable()) {
      Object next = queue.poll();
      if (next == null) {
        break;
      }
      answering = true;
      deadlines.answering(true);
      answer(next);
    }
    if (!answering && !closing && queue.isEmpty() && ctx.channel().isWritable()) {
      if (inputClosed) {
        closeNow();
      } else {
        if (!ctx.channel().config().isAutoRead()) {
          ctx.channel().config().setAutoRead(true);
          deadlines.paused(false);
        }
        deadlines.answering(false);
      }
    }
  }

  private void answer(Object next) {
    if (next instanceof Rejection rejection) {
      Plane plane = dispatcher.planeOf(rejection.method(), rejection.target());
      send(ErrorResponses.render(rejection.error(), plane), rejection.close(), false, false);
      return;
    }
    FullHttpRequest request = (FullHttpRequest) next;
    try {
      if (!request.decoderResult().isSuccess()) {
        refuse(request);
        return;
      }
      String method = request.method().name();
      String target = request.uri();
      Map<String, List<String>> headers = headers(request.headers());
      byte[] body = ByteBufUtil.getBytes(request.content());
      boolean close = !HttpUtil.isKeepAlive(request);
      boolean http10 = request.protocolVersion().equals(HttpVersion.HTTP_1_0);
      boolean head = method.equals("HEAD");
      try {
        workers.execute(() -> dispatch(method, target, headers, body, close, head, http10));
      } catch (RejectedExecutionException busy) {
        send(
            ErrorResponses.render(TransportErrors.overloaded(), dispatcher.planeOf(method, target)),
            close,
            head,
            http10);
      }
    } finally {
      request.release();
    }
  }

  private void dispatch(
      String method,
      String target,
      Map<String, List<String>> headers,
      byte[] body,
      boolean close,
      boolean head,
      boolean http10) {
    ApiResponse response;
    try {
      response = dispatcher.respond(method, target, headers, body);
    } catch (Throwable e) { // an Error: still answer, or the client waits forever
      clientLog.error("HTTP " + LogText.escape(method) + " failed: a stand-in bug", e);
      response = ErrorResponses.internalFailure(Plane.CONTROL);
    }
    ApiResponse answer = response;
    try {
      ctx.executor().execute(() -> send(answer, close, head, http10));
    } catch (RejectedExecutionException shuttingDown) {
      // the server is closing; its event loop closes the connection
    }
  }

  /** Answers a request the parser refused and ends the connection. */
  private void refuse(FullHttpRequest request) {
    Throwable cause = request.decoderResult().cause();
    IotException error = TransportErrors.of(cause);
    String method = null;
    String target = null;
    if (!(request instanceof StrictRequestDecoder.RefusedRequestLine)) {
      method = request.method().name();
      target = request.uri();
    }
    clientTrouble(describe(error, cause), request);
    noMoreRequests = true;
    deadlines.stop();
    if (ctx.pipeline().get(Discard.class) == null) {
      ctx.pipeline().addFirst(new Discard());
    }
    send(ErrorResponses.render(error, dispatcher.planeOf(method, target)), true, false, false);
  }

  private void send(ApiResponse response, boolean close, boolean head, boolean http10) {
    if (closing) {
      answering = false;
      return;
    }
    DefaultFullHttpResponse out =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1,
            HttpResponseStatus.valueOf(response.status()),
            head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(response.body()));
    HttpHeaders headers = out.headers();
    try {
      response.headers().forEach(headers::set);
    } catch (IllegalArgumentException invalid) {
      clientLog.error("an operation answered an invalid header: a stand-in bug", invalid);
      headers.clear();
    }
    headers.set("x-amzn-RequestId", UUID.randomUUID().toString());
    headers.set(HttpHeaderNames.DATE, dates.now());
    headers.setInt(HttpHeaderNames.CONTENT_LENGTH, response.body().length);
    boolean last = close || (noMoreRequests && queue.isEmpty());
    if (last) {
      headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    } else if (http10) {
      headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
    }
    // A client that stops reading its answers is dropped like an idle one.
    ScheduledFuture<?> unread =
        ctx.executor()
            .schedule(
                () -> {
                  clientTrouble(
                      "did not read its answer for " + unreadLimit.toSeconds() + " s", null);
                  closeNow();
                },
                unreadLimit.toMillis(),
                TimeUnit.MILLISECONDS);
    ctx.writeAndFlush(out)
        .addListener(
            (ChannelFutureListener)
                written -> {
                  unread.cancel(false);
                  answering = false;
                  if (!written.isSuccess()) {
                    closeNow();
                  } else if (last) {
                    closeGracefully();
                  } else {
                    answerNext();
                  }
                });
  }

  /** FIN now, drain what the client still sends, close on its FIN or after {@link #LINGER}. */
  private void closeGracefully() {
    closing = true;
    deadlines.stop();
    queue.forEach(ReferenceCountUtil::release);
    queue.clear();
    if (inputClosed || !(ctx.channel() instanceof SocketChannel socket)) {
      ctx.close();
      return;
    }
    if (ctx.pipeline().get(Discard.class) == null) {
      ctx.pipeline().addFirst(new Discard());
    }
    ctx.channel().config().setAutoRead(true);
    socket.shutdownOutput();
    ctx.executor().schedule(() -> ctx.close(), LINGER.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void closeNow() {
    closing = true;
    deadlines.stop();
    ctx.close();
  }

  /** One WARN line per connection at most, rate-limited across connections. */
  private void clientTrouble(String what, HttpRequest request) {
    if (warned) {
      return;
    }
    warned = true;
    StringBuilder line = new StringBuilder("HTTP client ").append(address()).append(' ');
    line.append(what);
    if (request instanceof StrictRequestDecoder.RefusedRequestLine refused) {
      if (refused.requestLine() != null) {
        line.append(": ").append(LogText.escape(refused.requestLine()));
      }
    } else if (request != null) {
      line.append(": ")
          .append(LogText.escape(request.method().name()))
          .append(' ')
          .append(LogText.escape(request.uri()));
    }
    clientLog.warn(line.toString());
  }

  private static String describe(IotException error, Throwable cause) {
    String detail = cause == null || cause instanceof MalformedRequest ? null : cause.getMessage();
    return "got "
        + error.httpStatus()
        + " "
        + error.errorCode()
        + " ("
        + LogText.escape(detail == null ? error.getMessage() : detail)
        + ")";
  }

  private String address() {
    if (ctx.channel().remoteAddress() instanceof InetSocketAddress remote) {
      return remote.getAddress().getHostAddress() + ":" + remote.getPort();
    }
    return String.valueOf(ctx.channel().remoteAddress());
  }

  private static Map<String, List<String>> headers(HttpHeaders in) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (Map.Entry<String, String> header : in) {
      headers
          .computeIfAbsent(header.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>(1))
          .add(header.getValue());
    }
    return headers;
  }

  /** First in the pipeline of a connection that reads no more requests: drops its input. */
  private static final class Discard extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext context, Object msg) {
      ReferenceCountUtil.release(msg);
    }
  }
}
