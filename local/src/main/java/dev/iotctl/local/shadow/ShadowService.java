package dev.iotctl.local.shadow;

import dev.iotctl.core.shadow.DeleteResult;
import dev.iotctl.core.shadow.GetResult;
import dev.iotctl.core.shadow.ShadowEngine;
import dev.iotctl.core.shadow.ShadowException;
import dev.iotctl.core.shadow.StoredShadow;
import dev.iotctl.core.shadow.UpdateResult;
import dev.iotctl.core.topic.ShadowOperation;
import dev.iotctl.core.topic.ShadowTopic;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The Device Shadow service, independent of transport: the MQTT face ({@link #onMqttRequest}) and
 * the HTTP API call the same operations. Every operation on a thing's shadows runs on that thing's
 * serial lane, so updates apply in arrival order. Accepted updates publish {@code
 * /update/accepted}, {@code /update/delta} (when desired and reported differ) and {@code
 * /update/documents}; deletes publish {@code /delete/accepted} — whoever asked, as AWS does.
 *
 * <p>As on AWS, a shadow needs no registered thing of that name.
 */
public final class ShadowService implements AutoCloseable {
  private final ShadowEngine engine;
  private final ShadowStore store;
  private final Publisher publisher;
  private final ExecutorService pool = Executors.newFixedThreadPool(2, daemon());
  private final PerKeySerialExecutor lanes = new PerKeySerialExecutor(pool);

  public ShadowService(ShadowEngine engine, ShadowStore store, Publisher publisher) {
    this.engine = engine;
    this.store = store;
    this.publisher = publisher;
  }

  /** UpdateThingShadow; throws {@link ShadowException} with AWS's code when rejected. */
  public UpdateResult update(String thingName, String shadowName, byte[] payload) {
    return await(lanes.submit(thingName, () -> doUpdate(thingName, shadowName, payload)));
  }

  /** GetThingShadow (not published: an HTTP read has no MQTT echo). */
  public GetResult get(String thingName, String shadowName, String clientToken) {
    return await(
        lanes.submit(
            thingName,
            () -> engine.get(thingName, shadowName, load(thingName, shadowName), clientToken)));
  }

  /** DeleteThingShadow; publishes {@code /delete/accepted}. */
  public DeleteResult delete(String thingName, String shadowName, byte[] payload) {
    return await(lanes.submit(thingName, () -> doDelete(thingName, shadowName, payload)));
  }

  /**
   * A request a device published to {@code .../update|get|delete}: answered asynchronously on
   * {@code /accepted} or {@code /rejected} (with AWS's error code and the echoed clientToken); the
   * future completes once the answer is published.
   */
  public CompletableFuture<?> onMqttRequest(ShadowTopic request, byte[] payload) {
    String thing = request.thingName();
    String shadow = request.shadowName();
    return lanes.submit(
        thing,
        () -> {
          try {
            switch (request.operation()) {
              case UPDATE -> doUpdate(thing, shadow, payload);
              case DELETE -> doDelete(thing, shadow, payload);
              case GET -> {
                GetResult got =
                    engine.get(
                        thing, shadow, load(thing, shadow), ShadowEngine.clientTokenOf(payload));
                publisher.publish(request.accepted().toTopic(), got.json());
              }
            }
          } catch (ShadowException e) {
            publisher.publish(request.rejected().toTopic(), e.rejectedJson(engine.now()));
          } catch (RuntimeException e) {
            publisher.publish(
                request.rejected().toTopic(),
                ShadowException.internalFailure(ShadowEngine.clientTokenOf(payload))
                    .rejectedJson(engine.now()));
          }
          return null;
        });
  }

  /**
   * Answers a request on {@code /rejected} with 429 without running it: its connection has too many
   * requests in flight.
   */
  public void rejectTooManyRequests(ShadowTopic request, byte[] payload) {
    publisher.publish(
        request.rejected().toTopic(),
        ShadowException.tooManyRequests(ShadowEngine.clientTokenOf(payload))
            .rejectedJson(engine.now()));
  }

  private UpdateResult doUpdate(String thing, String shadow, byte[] payload) {
    UpdateResult result = engine.update(thing, shadow, load(thing, shadow), payload);
    store.save(thing, shadow, result.newState().toJson());
    publisher.publish(
        topic(thing, shadow, ShadowOperation.UPDATE).accepted().toTopic(), result.acceptedJson());
    result
        .deltaJson()
        .ifPresent(
            d ->
                publisher.publish(
                    topic(thing, shadow, ShadowOperation.UPDATE).delta().toTopic(), d));
    publisher.publish(
        topic(thing, shadow, ShadowOperation.UPDATE).documents().toTopic(), result.documentsJson());
    return result;
  }

  private DeleteResult doDelete(String thing, String shadow, byte[] payload) {
    DeleteResult result = engine.delete(thing, shadow, load(thing, shadow), payload);
    store.save(thing, shadow, result.newState().toJson());
    publisher.publish(
        topic(thing, shadow, ShadowOperation.DELETE).accepted().toTopic(), result.acceptedJson());
    return result;
  }

  private static ShadowTopic topic(String thing, String shadow, ShadowOperation operation) {
    return ShadowTopic.request(thing, shadow, operation);
  }

  private StoredShadow load(String thing, String shadow) {
    return store.load(thing, shadow).map(StoredShadow::fromJson).orElse(null);
  }

  private static <T> T await(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  private static java.util.concurrent.ThreadFactory daemon() {
    return r -> {
      Thread t = new Thread(r, "shadow-service");
      t.setDaemon(true);
      return t;
    };
  }

  /** Stops taking requests and lets those already queued finish (for a few seconds at most). */
  @Override
  public void close() {
    pool.shutdown();
    try {
      pool.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
