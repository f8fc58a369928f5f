package dev.iotctl.local.gateway;

import io.moquette.broker.Server;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.nio.NioEventLoop;
import io.netty.util.concurrent.EventExecutor;
import java.lang.reflect.Field;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Moquette 0.17 offers no hook into its Netty pipeline. This finds the listening channel Moquette
 * bound (reflectively: {@code Server.acceptor.bossGroup} and the selector of its event loop) and
 * adds a handler there that places a per-connection handler right in front of Moquette's MQTT
 * handler of every accepted connection, before any byte is read. Pinned to Moquette 0.17 and Netty
 * 4.1; it fails loudly at start if either changes.
 */
final class BrokerChannelHook {
  private BrokerChannelHook() {}

  /** Moquette's name for its MQTT protocol handler, the last in each connection's pipeline. */
  private static final String MOQUETTE_HANDLER = "handler";

  /** Installs the guard factory; returns the listening channel. */
  static Channel install(Server server, Supplier<ChannelHandler> guards) {
    Channel listener = listeningChannel(server);
    listener.pipeline().addFirst("iotctlAccept", new AcceptHook(guards));
    return listener;
  }

  private static Channel listeningChannel(Server server) {
    try {
      Object acceptor = field(Server.class, "acceptor").get(server);
      EventLoopGroup boss = (EventLoopGroup) field(acceptor.getClass(), "bossGroup").get(acceptor);
      Field selectorField = field(NioEventLoop.class, "unwrappedSelector");
      for (EventExecutor executor : boss) {
        Selector selector = (Selector) selectorField.get(executor);
        Optional<Channel> found =
            executor
                .submit(
                    () ->
                        selector.keys().stream()
                            .map(SelectionKey::attachment)
                            .filter(ServerChannel.class::isInstance)
                            .map(Channel.class::cast)
                            .findFirst())
                .get();
        if (found.isPresent()) {
          return found.get();
        }
      }
      throw new IllegalStateException("Moquette's listening channel was not found");
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Moquette's internals changed: cannot hook the pipeline", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  private static Field field(Class<?> type, String name) throws NoSuchFieldException {
    Field f = type.getDeclaredField(name);
    f.setAccessible(true);
    return f;
  }

  /** Runs before Netty's acceptor: gives each new connection an installer. */
  private static final class AcceptHook extends ChannelInboundHandlerAdapter {
    private final Supplier<ChannelHandler> guards;

    AcceptHook(Supplier<ChannelHandler> guards) {
      this.guards = guards;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      ((Channel) msg).pipeline().addLast("iotctlInstall", new Installer(guards.get()));
      ctx.fireChannelRead(msg);
    }
  }

  /**
   * Once Moquette's initializer has built the pipeline (it runs at registration, before this
   * handler sees channelRegistered), moves the guard in front of Moquette's MQTT handler.
   */
  private static final class Installer extends ChannelInboundHandlerAdapter {
    private final ChannelHandler guard;

    Installer(ChannelHandler guard) {
      this.guard = guard;
    }

    @Override
    public void channelRegistered(ChannelHandlerContext ctx) {
      ctx.pipeline().addBefore(MOQUETTE_HANDLER, "iotctlGuard", guard);
      ctx.pipeline().remove(this);
      ctx.fireChannelRegistered();
    }
  }
}
