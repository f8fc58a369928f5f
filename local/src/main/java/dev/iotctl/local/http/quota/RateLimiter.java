package dev.iotctl.local.http.quota;

import dev.iotctl.core.error.IotException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Throttles at AWS's default rates when quota emulation is on: control-plane operations with one
 * token bucket per operation ({@code ThrottlingException}, 400), and Device Shadow requests with
 * one bucket per thing ({@code ThrottlingException}, 429 on the data plane).
 */
public final class RateLimiter {
  private final QuotaMode mode;
  private final LongSupplier nanoClock;
  private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

  public RateLimiter(QuotaMode mode) {
    this(mode, System::nanoTime);
  }

  RateLimiter(QuotaMode mode, LongSupplier nanoClock) {
    this.mode = mode;
    this.nanoClock = nanoClock;
  }

  /**
   * Admits one call of {@code operation} or throws AWS's throttling error.
   *
   * @throws IotException ThrottlingException (400) beyond the operation's rate
   */
  /**
   * Admits one Device Shadow request for {@code thingName} or throws AWS's data-plane throttling
   * error beyond {@link AwsApiQuotas#SHADOW_REQUESTS_PER_THING} per second.
   */
  public void admitShadow(String thingName) {
    if (mode == QuotaMode.NONE || thingName == null) {
      return;
    }
    TokenBucket bucket =
        buckets.computeIfAbsent(
            "shadow:" + thingName,
            k -> new TokenBucket(AwsApiQuotas.SHADOW_REQUESTS_PER_THING, nanoClock));
    if (!bucket.tryAcquire()) {
      throw new IotException("ThrottlingException", 429, "Rate exceeded");
    }
  }

  public void admit(String operation) {
    if (mode == QuotaMode.NONE) {
      return;
    }
    AwsApiQuotas.tps(operation)
        .ifPresent(
            tps -> {
              TokenBucket bucket =
                  buckets.computeIfAbsent(operation, op -> new TokenBucket(tps, nanoClock));
              if (!bucket.tryAcquire()) {
                throw new IotException("ThrottlingException", 400, "Rate exceeded");
              }
            });
  }
}
