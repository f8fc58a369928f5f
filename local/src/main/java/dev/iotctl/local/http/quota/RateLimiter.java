package dev.iotctl.local.http.quota;

import dev.iotctl.core.error.IotException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Throttles control-plane operations at AWS's default rates when quota emulation is on: one token
 * bucket per operation; beyond it, {@code ThrottlingException} (400 on the control plane).
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
