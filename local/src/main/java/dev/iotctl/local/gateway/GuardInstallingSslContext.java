package dev.iotctl.local.gateway;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.SingleThreadEventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.DelegatingSslContext;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.internal.ThreadExecutorMap;
import java.net.InetSocketAddress;
import java.util.Iterator;
import java.util.function.Supplier;
import javax.net.ssl.SSLEngine;

/**
 * The TLS context handed to Moquette through its public {@code ISslContextCreator}, which puts a
 * {@link ConnectionGuard} in every accepted connection's pipeline, between the MQTT codec and
 * Moquette's own handlers, before a byte is read.
 *
 * <p>Moquette 0.17 calls {@link #newEngine} once per accepted connection, from its channel
 * initializer, on that connection's event loop, and wraps the engine in its own {@link SslHandler}:
 * neither the context nor the engine is ever given the channel. The channel being initialized is
 * the one registered on the current event loop ({@link ThreadExecutorMap#currentExecutor()}, then
 * {@link SingleThreadEventLoop#registeredChannelsIterator()}) whose peer is the engine's peer and
 * whose pipeline has no TLS handler yet. Both are public Netty methods, though from an internal
 * package and marked unstable respectively: no reflection, no private member, checked by the
 * compiler. If the channel cannot be found, the connection is refused (fail closed), never served
 * unguarded.
 */
final class GuardInstallingSslContext extends DelegatingSslContext {
  /**
   * Moquette's name for its MQTT encoder. The guard goes right after it: inbound it sees decoded
   * packets before Moquette's metrics, message logger and MQTT handler; outbound it sees Moquette's
   * packets before they are encoded.
   */
  private static final String MOQUETTE_ENCODER = "encoder";

  private final Supplier<ChannelHandler> guards;

  GuardInstallingSslContext(SslContext tls, Supplier<ChannelHandler> guards) {
    super(tls);
    this.guards = guards;
  }

  @Override
  protected void initEngine(SSLEngine engine) {
    Channel channel = channelBeingInitialized(engine.getPeerHost(), engine.getPeerPort());
    channel.pipeline().addLast("iotctlInstall", new Installer(guards.get()));
  }

  private static Channel channelBeingInitialized(String peerHost, int peerPort) {
    EventExecutor executor = ThreadExecutorMap.currentExecutor();
    if (executor instanceof SingleThreadEventLoop loop) {
      for (Iterator<Channel> it = loop.registeredChannelsIterator(); it.hasNext(); ) {
        Channel channel = it.next();
        if (channel instanceof SocketChannel
            && channel.remoteAddress() instanceof InetSocketAddress peer
            && peer.getPort() == peerPort
            && peer.getHostString().equals(peerHost)
            && channel.pipeline().get(SslHandler.class) == null
            && channel.pipeline().get(Installer.class) == null) {
          return channel;
        }
      }
    }
    throw new IllegalStateException(
        "cannot guard the connection from " + peerHost + ":" + peerPort + ": refused");
  }

  /**
   * Once Moquette's initializer has built the pipeline (it runs at registration, before this
   * handler sees channelRegistered), puts the guard in its place.
   */
  private static final class Installer extends ChannelInboundHandlerAdapter {
    private final ChannelHandler guard;

    Installer(ChannelHandler guard) {
      this.guard = guard;
    }

    @Override
    public void channelRegistered(ChannelHandlerContext ctx) {
      ctx.pipeline().addAfter(MOQUETTE_ENCODER, "iotctlGuard", guard);
      ctx.pipeline().remove(this);
      ctx.fireChannelRegistered();
    }
  }
}
