package dev.iotctl.local.http.server;

import dev.iotctl.local.http.HttpApiConfig;
import dev.iotctl.local.log.ThrottledLog;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP/1.1 server answering both the {@code iot} control plane and the {@code iot-data} plane
 * on one port, on Netty (already on the class path through Moquette).
 *
 * <p>Per connection: bytes are parsed strictly ({@link StrictRequestDecoder}: request line at most
 * {@value #MAX_REQUEST_LINE} bytes, headers at most {@value #MAX_HEADER_BYTES}), bodies collected
 * up to the control plane's 1 MB ({@link BodyAggregator}), read deadlines enforced ({@link
 * ReadDeadlines}), and whole requests answered in order ({@link ConnectionHandler}) by operations
 * running on a bounded pool of worker threads ({@link ApiDispatcher}): slow or stalled clients cost
 * a socket each, never a worker. The request-target is routed as sent, so {@code %2F} survives
 * until each path segment is decoded.
 */
public final class HttpApiServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HttpApiServer.class);

  /** Longest request line accepted; longer gets 414. */
  static final int MAX_REQUEST_LINE = 16 * 1024;

  /** Most bytes of header lines accepted in one request; more gets 431. */
  static final int MAX_HEADER_BYTES = 32 * 1024;

  /** Requests waiting for a worker before the server answers 503. */
  private static final int MAX_WAITING = 1024;

  private final EventLoopGroup acceptor;
  private final EventLoopGroup io;
  private final ThreadPoolExecutor workers;
  private final Channel channel;

  private HttpApiServer(
      EventLoopGroup acceptor, EventLoopGroup io, ThreadPoolExecutor workers, Channel channel) {
    this.acceptor = acceptor;
    this.io = io;
    this.workers = workers;
    this.channel = channel;
  }

  /** Binds and starts serving {@code routes}. */
  public static HttpApiServer start(HttpApiConfig config, List<Route> routes) throws IOException {
    ThrottledLog clientLog = new ThrottledLog(LOG, 10, Duration.ofSeconds(1));
    ApiDispatcher dispatcher = new ApiDispatcher(config, routes, clientLog);
    ResponseDates dates = new ResponseDates(Clock.systemUTC());
    ThreadPoolExecutor workers = workers(config.threads());
    EventLoopGroup acceptor =
        new NioEventLoopGroup(1, new DefaultThreadFactory("iot-http-accept", true));
    EventLoopGroup io = new NioEventLoopGroup(2, new DefaultThreadFactory("iot-http-io", true));
    ServerBootstrap bootstrap =
        new ServerBootstrap()
            .group(acceptor, io)
            .channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_BACKLOG, 128)
            .childOption(ChannelOption.TCP_NODELAY, true)
            // A client that half-closes after its request still gets the answer.
            .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    ConnectionHandler handler =
                        new ConnectionHandler(
                            dispatcher, workers, clientLog, dates, config.timeouts().idle());
                    ReadDeadlines deadlines = new ReadDeadlines(config.timeouts(), handler);
                    handler.deadlines(deadlines);
                    ch.pipeline()
                        .addLast("deadlines-bytes", deadlines.bytes())
                        .addLast(
                            "decoder",
                            new StrictRequestDecoder(MAX_REQUEST_LINE, MAX_HEADER_BYTES, 8192))
                        .addLast("encoder", new HttpResponseEncoder())
                        .addLast("deadlines-messages", deadlines.messages())
                        .addLast("aggregator", new BodyAggregator(ApiDispatcher.MAX_CONTROL_BODY))
                        .addLast("api", handler);
                  }
                });
    ChannelFuture bound =
        bootstrap.bind(new InetSocketAddress(config.host(), config.port())).awaitUninterruptibly();
    if (!bound.isSuccess()) {
      shutDown(acceptor, io, workers);
      Throwable cause = bound.cause();
      throw cause instanceof IOException io2 ? io2 : new IOException(cause);
    }
    return new HttpApiServer(acceptor, io, workers, bound.channel());
  }

  private static ThreadPoolExecutor workers(int threads) {
    AtomicInteger threadNumber = new AtomicInteger();
    return new ThreadPoolExecutor(
        threads,
        threads,
        0,
        TimeUnit.MILLISECONDS,
        new ArrayBlockingQueue<>(MAX_WAITING),
        r -> {
          Thread t = new Thread(r, "iot-http-" + threadNumber.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
  }

  /** The bound port. */
  public int port() {
    return ((InetSocketAddress) channel.localAddress()).getPort();
  }

  /** The bound address. */
  public String host() {
    return ((InetSocketAddress) channel.localAddress()).getHostString();
  }

  /** Stops accepting requests, closes every connection and releases the port. */
  @Override
  public void close() {
    channel.close().awaitUninterruptibly();
    shutDown(acceptor, io, workers);
  }

  private static void shutDown(
      EventLoopGroup acceptor, EventLoopGroup io, ThreadPoolExecutor workers) {
    acceptor.shutdownGracefully(0, 2, TimeUnit.SECONDS);
    io.shutdownGracefully(0, 2, TimeUnit.SECONDS);
    acceptor.terminationFuture().awaitUninterruptibly(5, TimeUnit.SECONDS);
    io.terminationFuture().awaitUninterruptibly(5, TimeUnit.SECONDS);
    workers.shutdown();
    try {
      workers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
