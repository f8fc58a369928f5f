package dev.iotctl.device.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotctl.device.mqtt.DeviceConnection;
import dev.iotctl.device.mqtt.Qos;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A device's client of the AWS IoT Jobs MQTT API. Requests carry a fresh {@code clientToken}; the
 * {@code /accepted} or {@code /rejected} reply with the same token completes the request's future
 * (with {@link JobRejectedException} on rejection, {@link java.util.concurrent.TimeoutException}
 * without a reply).
 */
public final class JobsClient implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(JobsClient.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DeviceConnection connection;
  private final String thingName;
  private final Duration timeout;
  private final String prefix;
  private final Map<String, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private volatile CompletableFuture<Void> replies;

  public JobsClient(DeviceConnection connection, String thingName, Duration timeout) {
    this.connection = Objects.requireNonNull(connection, "connection");
    this.thingName = Objects.requireNonNull(thingName, "thingName");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.prefix = "$aws/things/" + thingName + "/jobs/";
  }

  public String thingName() {
    return thingName;
  }

  /**
   * Calls {@code listener} on every {@code notify-next}: the next pending execution, or empty when
   * none is left. Completes on SUBACK.
   */
  public CompletableFuture<Void> onNextChanged(Consumer<Optional<JobExecution>> listener) {
    return connection.subscribe(
        prefix + "notify-next",
        Qos.AT_LEAST_ONCE,
        (topic, payload) -> {
          JsonNode message = parse(topic, payload);
          if (message != null) {
            listener.accept(
                message.has("execution")
                    ? Optional.of(JobExecution.from(message.get("execution")))
                    : Optional.empty());
          }
        });
  }

  /** StartNextPendingJobExecution: the execution now IN_PROGRESS, or empty when none is pending. */
  public CompletableFuture<Optional<JobExecution>> startNext(Map<String, String> statusDetails) {
    ObjectNode body = JSON.createObjectNode();
    if (!statusDetails.isEmpty()) {
      body.set("statusDetails", JSON.valueToTree(statusDetails));
    }
    return request(prefix + "start-next", body)
        .thenApply(
            reply ->
                reply.has("execution")
                    ? Optional.of(JobExecution.from(reply.get("execution")))
                    : Optional.empty());
  }

  /**
   * UpdateJobExecution; completes with the {@code /accepted} reply.
   *
   * @param expectedVersion the version the device last saw, or null not to check it
   */
  public CompletableFuture<JsonNode> update(
      String jobId, String status, Map<String, String> statusDetails, Long expectedVersion) {
    ObjectNode body = JSON.createObjectNode().put("status", status);
    if (!statusDetails.isEmpty()) {
      body.set("statusDetails", JSON.valueToTree(statusDetails));
    }
    if (expectedVersion != null) {
      body.put("expectedVersion", expectedVersion);
    }
    body.put("includeJobExecutionState", true);
    return request(prefix + jobId + "/update", body);
  }

  private CompletableFuture<JsonNode> request(String topic, ObjectNode body) {
    String token = UUID.randomUUID().toString();
    body.put("clientToken", token);
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    pending.put(token, reply);
    reply.whenComplete((r, e) -> pending.remove(token));
    replySubscriptions()
        .thenCompose(
            ok ->
                connection.publish(
                    topic, body.toString().getBytes(StandardCharsets.UTF_8), Qos.AT_LEAST_ONCE))
        .whenComplete(
            (ok, failure) -> {
              if (failure != null) {
                reply.completeExceptionally(failure);
              }
            });
    return reply.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** One subscription per reply kind, for every request topic of this thing. */
  private synchronized CompletableFuture<Void> replySubscriptions() {
    if (replies == null || replies.isCompletedExceptionally()) {
      replies =
          CompletableFuture.allOf(
              connection.subscribe(
                  prefix + "start-next/accepted", Qos.AT_LEAST_ONCE, this::accepted),
              connection.subscribe(
                  prefix + "start-next/rejected", Qos.AT_LEAST_ONCE, this::rejected),
              connection.subscribe(prefix + "+/update/accepted", Qos.AT_LEAST_ONCE, this::accepted),
              connection.subscribe(
                  prefix + "+/update/rejected", Qos.AT_LEAST_ONCE, this::rejected));
    }
    return replies;
  }

  private void accepted(String topic, byte[] payload) {
    JsonNode reply = parse(topic, payload);
    CompletableFuture<JsonNode> future = pendingFor(reply);
    if (future != null) {
      future.complete(reply);
    }
  }

  private void rejected(String topic, byte[] payload) {
    JsonNode reply = parse(topic, payload);
    CompletableFuture<JsonNode> future = pendingFor(reply);
    if (future != null) {
      future.completeExceptionally(
          new JobRejectedException(
              reply.path("code").asText("InternalError"), reply.path("message").asText("")));
    }
  }

  private CompletableFuture<JsonNode> pendingFor(JsonNode reply) {
    if (reply == null || !reply.hasNonNull("clientToken")) {
      return null;
    }
    return pending.remove(reply.get("clientToken").asText());
  }

  private static JsonNode parse(String topic, byte[] payload) {
    try {
      return JSON.readTree(payload);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Ignoring non-JSON message on " + topic);
      return null;
    }
  }

  /** Fails requests still waiting; the connection's subscriptions stay with the connection. */
  @Override
  public void close() {
    pending.values().forEach(f -> f.cancel(false));
    for (String filter :
        new String[] {
          "notify-next",
          "start-next/accepted",
          "start-next/rejected",
          "+/update/accepted",
          "+/update/rejected"
        }) {
      connection.unsubscribe(prefix + filter);
    }
  }
}
