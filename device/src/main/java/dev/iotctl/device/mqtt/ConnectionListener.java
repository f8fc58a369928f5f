package dev.iotctl.device.mqtt;

import java.time.Duration;

/**
 * Observes a {@link DeviceConnection}'s state. Called on the connection's dispatch thread, in order
 * with message delivery. All methods default to doing nothing.
 */
public interface ConnectionListener {
  /** An automatic reconnect succeeded and every registered subscription is in place again. */
  default void reconnected() {}

  /** The connection dropped; a reconnect is scheduled. */
  default void connectionLost(Throwable cause) {}

  /** Reconnect attempt {@code attempt} (1-based) will start after {@code delay}. */
  default void reconnectScheduled(int attempt, Duration delay) {}

  /** The connection was closed by {@link DeviceConnection#close()}. */
  default void closed() {}
}
