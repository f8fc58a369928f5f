package dev.iotctl.device.shadow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotctl.device.mqtt.DeviceConnection;
import dev.iotctl.device.mqtt.MessageHandler;
import dev.iotctl.device.mqtt.Qos;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Talks to one device shadow (classic or named) over MQTT, as the AWS IoT Device Shadow service
 * defines it: every request carries a fresh {@code clientToken}; the client subscribes to the
 * operation's {@code /accepted} and {@code /rejected} topics before its first request, and
 * completes the request's future with the reply that carries the same token. Replies to other
 * clients' requests (AWS publishes them to every subscriber) are ignored.
 *
 * <p>Futures fail with {@link ShadowRejectedException} on a {@code /rejected} reply and with {@link
 * java.util.concurrent.TimeoutException} when no reply arrives in time. Delta and document
 * callbacks run on this client's own thread, so they may wait for shadow requests.
 *
 * <p>Use one client per shadow per connection: a connection holds one handler per topic filter.
 */
public final class ShadowClient implements AutoCloseable {
  /** How long a request waits for its reply unless configured otherwise. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private static final System.Logger LOG = System.getLogger(ShadowClient.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DeviceConnection connection;
  private final ShadowTopics topics;
  private final Duration timeout;
  private final Map<ShadowOperation, CompletableFuture<Void>> replySubscriptions =
      new ConcurrentHashMap<>();
  private final Map<String, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final Set<String> subscribedFilters = ConcurrentHashMap.newKeySet();
  private final ExecutorService callbacks;

  public ShadowClient(DeviceConnection connection, ShadowTopics topics, Duration timeout) {
    this.connection = Objects.requireNonNull(connection, "connection");
    this.topics = Objects.requireNonNull(topics, "topics");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.callbacks =
        Executors.newSingleThreadExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "iotctl-shadow-" + topics.thingName());
              thread.setDaemon(true);
              return thread;
            });
  }

  /** The classic shadow of {@code thingName}, with the default timeout. */
  public static ShadowClient classic(DeviceConnection connection, String thingName) {
    return new ShadowClient(connection, ShadowTopics.classic(thingName), DEFAULT_TIMEOUT);
  }

  /** The named shadow {@code shadowName} of {@code thingName}, with the default timeout. */
  public static ShadowClient named(
      DeviceConnection connection, String thingName, String shadowName) {
    return new ShadowClient(connection, ShadowTopics.named(thingName, shadowName), DEFAULT_TIMEOUT);
  }

  public ShadowTopics topics() {
    return topics;
  }

  /** Gets the shadow document ({@code state}, {@code metadata}, {@code version}, ...). */
  public CompletableFuture<JsonNode> get() {
    return request(ShadowOperation.GET, JSON.createObjectNode());
  }

  /** Updates the reported state: {@code {"state":{"reported":reported}}}. */
  public CompletableFuture<JsonNode> report(JsonNode reported) {
    return update(stateSection("reported", reported));
  }

  /** Updates the desired state: {@code {"state":{"desired":desired}}}. */
  public CompletableFuture<JsonNode> updateDesired(JsonNode desired) {
    return update(stateSection("desired", desired));
  }

  /**
   * Sends an update request document ({@code state}, optional {@code version}); a copy gets the
   * client token. Completes with the {@code /update/accepted} message.
   */
  public CompletableFuture<JsonNode> update(ObjectNode request) {
    return request(ShadowOperation.UPDATE, request.deepCopy());
  }

  /** Deletes the shadow. Completes with the {@code /delete/accepted} message. */
  public CompletableFuture<JsonNode> delete() {
    return request(ShadowOperation.DELETE, JSON.createObjectNode());
  }

  /** Calls {@code listener} for every {@code /update/delta}; the future completes on SUBACK. */
  public CompletableFuture<Void> onDelta(Consumer<ShadowDelta> listener) {
    return subscribe(
        topics.delta(),
        Qos.AT_LEAST_ONCE,
        (topic, payload) -> {
          JsonNode document = parse(topic, payload);
          if (document != null) {
            ShadowDelta delta =
                new ShadowDelta(
                    document.path("state"), document.path("version").asLong(), document);
            runCallback(() -> listener.accept(delta));
          }
        });
  }

  /** Calls {@code listener} for every {@code /update/documents}; completes on SUBACK. */
  public CompletableFuture<Void> onDocuments(Consumer<JsonNode> listener) {
    return subscribe(
        topics.documents(),
        Qos.AT_LEAST_ONCE,
        (topic, payload) -> {
          JsonNode document = parse(topic, payload);
          if (document != null) {
            runCallback(() -> listener.accept(document));
          }
        });
  }

  /** Unsubscribes from this shadow's topics and fails requests still waiting. */
  @Override
  public void close() {
    subscribedFilters.forEach(connection::unsubscribe);
    pending.values().forEach(f -> f.cancel(false));
    callbacks.shutdown();
  }

  private CompletableFuture<JsonNode> request(ShadowOperation operation, ObjectNode body) {
    String clientToken = UUID.randomUUID().toString();
    body.put("clientToken", clientToken);
    byte[] payload = body.toString().getBytes(StandardCharsets.UTF_8);

    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    pending.put(clientToken, reply);
    reply.whenComplete((result, failure) -> pending.remove(clientToken));

    replySubscriptionsFor(operation)
        .thenCompose(
            subscribed -> connection.publish(topics.request(operation), payload, Qos.AT_LEAST_ONCE))
        .whenComplete(
            (published, failure) -> {
              if (failure != null) {
                reply.completeExceptionally(failure);
              }
            });
    return reply.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Subscribes to accepted and rejected once per operation; retried after a failure. */
  private CompletableFuture<Void> replySubscriptionsFor(ShadowOperation operation) {
    CompletableFuture<Void> ready =
        replySubscriptions.computeIfAbsent(
            operation,
            op ->
                CompletableFuture.allOf(
                    subscribe(topics.accepted(op), Qos.AT_LEAST_ONCE, this::onAccepted),
                    subscribe(topics.rejected(op), Qos.AT_LEAST_ONCE, this::onRejected)));
    ready.whenComplete(
        (ok, failure) -> {
          if (failure != null) {
            replySubscriptions.remove(operation, ready);
          }
        });
    return ready;
  }

  private CompletableFuture<Void> subscribe(String filter, Qos qos, MessageHandler handler) {
    subscribedFilters.add(filter);
    return connection.subscribe(filter, qos, handler);
  }

  private void onAccepted(String topic, byte[] payload) {
    JsonNode document = parse(topic, payload);
    CompletableFuture<JsonNode> reply = pendingFor(document);
    if (reply != null) {
      reply.complete(document);
    }
  }

  private void onRejected(String topic, byte[] payload) {
    JsonNode document = parse(topic, payload);
    CompletableFuture<JsonNode> reply = pendingFor(document);
    if (reply != null) {
      reply.completeExceptionally(
          new ShadowRejectedException(
              document.path("code").asInt(500),
              document.path("message").asText(""),
              document.path("clientToken").asText()));
    }
  }

  private CompletableFuture<JsonNode> pendingFor(JsonNode document) {
    if (document == null || !document.hasNonNull("clientToken")) {
      return null;
    }
    return pending.remove(document.get("clientToken").asText());
  }

  private void runCallback(Runnable callback) {
    try {
      callbacks.execute(
          () -> {
            try {
              callback.run();
            } catch (RuntimeException e) {
              LOG.log(Level.WARNING, "Shadow callback for " + topics.prefix() + " failed", e);
            }
          });
    } catch (RejectedExecutionException e) {
      // Closed.
    }
  }

  private static ObjectNode stateSection(String section, JsonNode value) {
    ObjectNode request = JSON.createObjectNode();
    request.putObject("state").set(section, value);
    return request;
  }

  private static JsonNode parse(String topic, byte[] payload) {
    try {
      return JSON.readTree(payload);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Ignoring non-JSON message on " + topic);
      return null;
    }
  }
}
