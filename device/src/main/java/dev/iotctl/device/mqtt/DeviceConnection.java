package dev.iotctl.device.mqtt;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.MqttTopic;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * A device's MQTT connection to AWS IoT Core (or the local stand-in) over mutual TLS.
 *
 * <p>Clean session, client id from the settings (the thing name by convention). When the connection
 * drops it reconnects by itself with bounded exponential backoff and re-subscribes every filter
 * registered through {@link #subscribe}, because a clean session forgets them. Paho's own automatic
 * reconnect is not used: it does not resubscribe clean sessions.
 *
 * <p>Messages and listener callbacks run on one dispatch thread, in order, so handlers may call
 * back into this connection and wait on its futures.
 */
public final class DeviceConnection implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(DeviceConnection.class.getName());
  private static final int SUBSCRIPTION_FAILED = 0x80;

  private final DeviceConnectionSettings settings;
  private final MqttAsyncClient client;
  private final MqttConnectOptions options;
  private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
  private final List<ConnectionListener> listeners = new CopyOnWriteArrayList<>();
  private final ExecutorService dispatcher;
  private final ScheduledExecutorService reconnector;
  private final AtomicInteger reconnectAttempt = new AtomicInteger();
  private volatile boolean closed;

  private record Subscription(Qos qos, MessageHandler handler) {}

  private DeviceConnection(DeviceConnectionSettings settings, SSLContext tls) throws MqttException {
    this.settings = settings;
    this.client =
        new MqttAsyncClient(settings.serverUri(), settings.clientId(), new MemoryPersistence());
    this.options = new MqttConnectOptions();
    options.setCleanSession(true);
    options.setAutomaticReconnect(false);
    options.setKeepAliveInterval((int) settings.keepAlive().toSeconds());
    options.setConnectionTimeout((int) settings.connectTimeout().toSeconds());
    options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
    options.setSocketFactory(tls.getSocketFactory());
    options.setHttpsHostnameVerificationEnabled(true);
    // AWS IoT Core allows 100 unacknowledged QoS 1 publishes per connection; Paho defaults to 10.
    options.setMaxInflight(100);
    String name = "iotctl-mqtt-" + settings.clientId();
    this.dispatcher = Executors.newSingleThreadExecutor(daemon(name + "-dispatch"));
    this.reconnector = Executors.newSingleThreadScheduledExecutor(daemon(name + "-reconnect"));
    client.setCallback(new Callback());
  }

  /**
   * Connects once, synchronously; automatic reconnects only start after this first success.
   *
   * @throws DeviceConnectionException if the connection is refused (TLS trust or hostname failure,
   *     unknown certificate, unreachable endpoint, timeout)
   */
  public static DeviceConnection open(DeviceConnectionSettings settings, SSLContext tls) {
    DeviceConnection connection;
    try {
      connection = new DeviceConnection(settings, tls);
    } catch (MqttException e) {
      throw new DeviceConnectionException("Invalid MQTT client settings", e);
    }
    try {
      connection
          .client
          .connect(connection.options)
          .waitForCompletion(settings.connectTimeout().toMillis() + 5_000);
    } catch (MqttException e) {
      connection.release();
      throw new DeviceConnectionException(
          "Could not connect to " + settings.serverUri() + " as " + settings.clientId(), e);
    }
    return connection;
  }

  /** The MQTT client id. */
  public String clientId() {
    return settings.clientId();
  }

  public boolean isConnected() {
    return client.isConnected();
  }

  public void addListener(ConnectionListener listener) {
    listeners.add(listener);
  }

  public void removeListener(ConnectionListener listener) {
    listeners.remove(listener);
  }

  /**
   * Publishes a message. The future completes when it is written (QoS 0) or acknowledged (QoS 1),
   * and fails with {@link DeviceConnectionException} if the connection is down.
   */
  public CompletableFuture<Void> publish(String topic, byte[] payload, Qos qos) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    try {
      client.publish(
          topic, payload, qos.level(), false, null, completing(done, "publish " + topic));
    } catch (MqttException e) {
      done.completeExceptionally(new DeviceConnectionException("Cannot publish to " + topic, e));
    }
    return done;
  }

  /**
   * Subscribes {@code handler} to a topic filter and keeps the subscription across reconnects.
   * Replaces any handler already registered for the same filter. The future completes on SUBACK; if
   * the connection is down it fails, but the subscription stays registered and is made on the next
   * reconnect.
   */
  public CompletableFuture<Void> subscribe(String filter, Qos qos, MessageHandler handler) {
    MqttTopic.validate(filter, true);
    subscriptions.put(filter, new Subscription(qos, handler));
    CompletableFuture<Void> done = new CompletableFuture<>();
    try {
      client.subscribe(filter, qos.level(), null, completing(done, "subscribe " + filter));
    } catch (MqttException e) {
      done.completeExceptionally(new DeviceConnectionException("Cannot subscribe " + filter, e));
    }
    return done;
  }

  /** Removes a subscription; the future completes on UNSUBACK (or at once when offline). */
  public CompletableFuture<Void> unsubscribe(String filter) {
    subscriptions.remove(filter);
    CompletableFuture<Void> done = new CompletableFuture<>();
    if (!client.isConnected()) {
      done.complete(null);
      return done;
    }
    try {
      client.unsubscribe(filter, null, completing(done, "unsubscribe " + filter));
    } catch (MqttException e) {
      done.completeExceptionally(new DeviceConnectionException("Cannot unsubscribe " + filter, e));
    }
    return done;
  }

  /** Disconnects, stops reconnecting and releases threads. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    reconnector.shutdownNow();
    if (client.isConnected()) {
      try {
        client.disconnect(0).waitForCompletion(settings.connectTimeout().toMillis());
      } catch (MqttException e) {
        // Going away anyway; the broker notices through the closed socket.
      }
    }
    dispatch(() -> notifyListeners(ConnectionListener::closed));
    release();
  }

  private void release() {
    closed = true;
    reconnector.shutdownNow();
    try {
      client.disconnectForcibly(0, 0, false);
    } catch (MqttException e) {
      // Not connected: nothing to force.
    }
    try {
      client.close(true);
    } catch (MqttException e) {
      // Already closed.
    }
    dispatcher.shutdown();
  }

  private void scheduleReconnect() {
    if (closed) {
      return;
    }
    int attempt = reconnectAttempt.incrementAndGet();
    Duration delay = settings.backoff().delay(attempt);
    dispatch(() -> notifyListeners(l -> l.reconnectScheduled(attempt, delay)));
    try {
      reconnector.schedule(this::reconnect, delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // Closed concurrently.
    }
  }

  private void reconnect() {
    if (closed) {
      return;
    }
    try {
      client.connect(
          options,
          null,
          new IMqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
              reconnectAttempt.set(0);
              resubscribe();
            }

            @Override
            public void onFailure(IMqttToken token, Throwable cause) {
              scheduleReconnect();
            }
          });
    } catch (MqttException e) {
      scheduleReconnect();
    }
  }

  /** Restores every registered subscription, then reports the reconnect. */
  private void resubscribe() {
    String[] filters = subscriptions.keySet().toArray(new String[0]);
    if (filters.length == 0) {
      dispatch(() -> notifyListeners(ConnectionListener::reconnected));
      return;
    }
    int[] levels = new int[filters.length];
    for (int i = 0; i < filters.length; i++) {
      Subscription subscription = subscriptions.get(filters[i]);
      levels[i] = subscription == null ? 0 : subscription.qos().level();
    }
    try {
      client.subscribe(
          filters,
          levels,
          null,
          new IMqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
              dispatch(() -> notifyListeners(ConnectionListener::reconnected));
            }

            @Override
            public void onFailure(IMqttToken token, Throwable cause) {
              dropAndRetry();
            }
          });
    } catch (MqttException e) {
      dropAndRetry();
    }
  }

  /** A connection without its subscriptions is useless to a device: start over. */
  private void dropAndRetry() {
    try {
      client.disconnectForcibly(0, 0, false);
    } catch (MqttException e) {
      // Already down.
    }
    scheduleReconnect();
  }

  private void deliver(String topic, byte[] payload) {
    for (Map.Entry<String, Subscription> entry : subscriptions.entrySet()) {
      if (MqttTopic.isMatched(entry.getKey(), topic)) {
        try {
          entry.getValue().handler().onMessage(topic, payload);
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "Message handler for " + entry.getKey() + " failed", e);
        }
      }
    }
  }

  private void notifyListeners(Consumer<ConnectionListener> event) {
    for (ConnectionListener listener : listeners) {
      try {
        event.accept(listener);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Connection listener failed", e);
      }
    }
  }

  /** Runs on the dispatch thread; dropped once the connection is closed. */
  private void dispatch(Runnable task) {
    try {
      dispatcher.execute(task);
    } catch (RejectedExecutionException e) {
      // Closed: nobody is listening any more.
    }
  }

  private static IMqttActionListener completing(CompletableFuture<Void> done, String what) {
    return new IMqttActionListener() {
      @Override
      public void onSuccess(IMqttToken token) {
        int[] granted = token.getGrantedQos();
        if (granted != null && granted.length > 0 && granted[0] == SUBSCRIPTION_FAILED) {
          done.completeExceptionally(new DeviceConnectionException("Broker refused " + what));
        } else {
          done.complete(null);
        }
      }

      @Override
      public void onFailure(IMqttToken token, Throwable cause) {
        done.completeExceptionally(new DeviceConnectionException("Failed to " + what, cause));
      }
    };
  }

  private static ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  private final class Callback implements MqttCallbackExtended {
    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
      // Reported from resubscribe(), once subscriptions are back.
    }

    @Override
    public void connectionLost(Throwable cause) {
      if (closed) {
        return;
      }
      dispatch(() -> notifyListeners(l -> l.connectionLost(cause)));
      scheduleReconnect();
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
      byte[] payload = message.getPayload();
      dispatch(() -> deliver(topic, payload));
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {}
  }
}
