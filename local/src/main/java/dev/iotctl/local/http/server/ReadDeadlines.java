package dev.iotctl.local.http.server;

import dev.iotctl.local.http.HttpApiConfig;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One connection's read deadlines. A request's headers must be in within {@code header} of its
 * first byte, its body within {@code body} of the end of the headers: absolute deadlines, so a
 * client trickling a byte at a time (slowloris) gains nothing. A connection with no request in
 * progress and none being answered is closed after {@code idle}.
 *
 * <p>Two views feed it: {@link #bytes()} sits before the HTTP decoder and sees a request begin,
 * {@link #messages()} sits after it and sees the headers and the last body chunk arrive. All
 * methods run on the channel's event loop.
 */
final class ReadDeadlines {
  /** What fires when a deadline passes. */
  interface Expiry {
    /** The request in progress did not arrive in time; {@code head} is null before its headers. */
    void requestTimedOut(String part, Duration limit, HttpRequest head);

    /** Nothing happened on a connection with no request in progress for the idle time. */
    void idle();
  }

  private enum Phase {
    BETWEEN_REQUESTS,
    HEADERS,
    BODY
  }

  private final HttpApiConfig.Timeouts timeouts;
  private final Expiry expiry;
  private ChannelHandlerContext ctx;
  private Phase phase = Phase.BETWEEN_REQUESTS;
  private HttpRequest head;
  private boolean answering;
  private boolean stopped;
  private boolean paused;
  private ScheduledFuture<?> timer;

  ReadDeadlines(HttpApiConfig.Timeouts timeouts, Expiry expiry) {
    this.timeouts = timeouts;
    this.expiry = expiry;
  }

  /** Before the decoder: the first byte of a request starts the header deadline. */
  ChannelInboundHandlerAdapter bytes() {
    return new ChannelInboundHandlerAdapter() {
      @Override
      public void handlerAdded(ChannelHandlerContext context) {
        ctx = context;
      }

      @Override
      public void channelActive(ChannelHandlerContext context) {
        arm(timeouts.idle());
        context.fireChannelActive();
      }

      @Override
      public void channelRead(ChannelHandlerContext context, Object msg) {
        if (phase == Phase.BETWEEN_REQUESTS
            && msg instanceof ByteBuf bytes
            && startsRequest(bytes)) {
          phase = Phase.HEADERS;
          arm(timeouts.header());
        }
        context.fireChannelRead(msg);
      }

      @Override
      public void channelInactive(ChannelHandlerContext context) {
        stop();
        context.fireChannelInactive();
      }
    };
  }

  /** After the decoder: headers in starts the body deadline, the last chunk ends the request. */
  ChannelInboundHandlerAdapter messages() {
    return new ChannelInboundHandlerAdapter() {
      @Override
      public void channelRead(ChannelHandlerContext context, Object msg) {
        if (msg instanceof HttpRequest request) {
          if (request.decoderResult().isSuccess()) {
            phase = Phase.BODY;
            head = request;
            arm(timeouts.body());
          } else {
            betweenRequests(); // a refused request is over; nothing more of it will be read
          }
        }
        if (msg instanceof LastHttpContent) {
          betweenRequests();
        }
        context.fireChannelRead(msg);
      }
    };
  }

  /** Whether part of a request has arrived but not all of it. */
  boolean midRequest() {
    return phase != Phase.BETWEEN_REQUESTS;
  }

  /** The headers of the request whose body is arriving, or null. */
  HttpRequest head() {
    return phase == Phase.BODY ? head : null;
  }

  /** Whether a request is being answered: the idle deadline waits until it has been. */
  void answering(boolean busy) {
    answering = busy;
    if (phase == Phase.BETWEEN_REQUESTS) {
      if (busy) {
        disarm();
      } else {
        arm(timeouts.idle());
      }
    }
  }

  /**
   * While the server itself stops reading (too many requests queued on the connection), the read
   * deadlines wait: the client is not the slow one. Reading again restarts the current one.
   */
  void paused(boolean pause) {
    paused = pause;
    if (!pause && phase == Phase.HEADERS) {
      arm(timeouts.header());
    } else if (!pause && phase == Phase.BODY) {
      arm(timeouts.body());
    }
  }

  /** No more deadlines on this connection (it is closing). */
  void stop() {
    stopped = true;
    disarm();
  }

  private void betweenRequests() {
    phase = Phase.BETWEEN_REQUESTS;
    head = null;
    if (answering) {
      disarm();
    } else {
      arm(timeouts.idle());
    }
  }

  private void arm(Duration delay) {
    disarm();
    if (stopped || ctx == null) {
      return;
    }
    timer = ctx.executor().schedule(this::expire, delay.toNanos(), TimeUnit.NANOSECONDS);
  }

  private void disarm() {
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
  }

  private void expire() {
    timer = null;
    if (stopped || (paused && phase != Phase.BETWEEN_REQUESTS)) {
      return; // a paused deadline starts afresh when reading resumes
    }
    switch (phase) {
      case HEADERS -> {
        stop();
        expiry.requestTimedOut("headers", timeouts.header(), null);
      }
      case BODY -> {
        stop();
        expiry.requestTimedOut("body", timeouts.body(), head);
      }
      case BETWEEN_REQUESTS -> {
        if (!answering) {
          stop();
          expiry.idle();
        }
      }
    }
  }

  /** Whether {@code bytes} hold more than the blank lines the decoder skips between requests. */
  private static boolean startsRequest(ByteBuf bytes) {
    return bytes.forEachByte(b -> b == '\r' || b == '\n' || b == ' ' || b == '\t') >= 0;
  }
}
