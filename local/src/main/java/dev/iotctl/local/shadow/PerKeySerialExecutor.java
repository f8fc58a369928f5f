package dev.iotctl.local.shadow;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/** Runs tasks of one key (a thing) one after another, in submission order; keys run in parallel. */
final class PerKeySerialExecutor {
  private final Executor pool;
  private final Map<String, CompletableFuture<?>> tails = new ConcurrentHashMap<>();

  PerKeySerialExecutor(Executor pool) {
    this.pool = pool;
  }

  <T> CompletableFuture<T> submit(String key, Supplier<T> task) {
    CompletableFuture<T> result = new CompletableFuture<>();
    CompletableFuture<?> tail =
        tails.compute(
            key,
            (k, previous) ->
                (previous == null ? CompletableFuture.completedFuture(null) : previous)
                    .handleAsync(
                        (ignored, error) -> {
                          try {
                            result.complete(task.get());
                          } catch (RuntimeException e) {
                            result.completeExceptionally(e);
                          }
                          return null;
                        },
                        pool));
    tail.whenComplete((r, e) -> tails.remove(key, tail));
    return result;
  }
}
