package dev.iotctl.cli.aws;

import java.net.URI;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Counts what the SDK sends on the CLI's behalf: calls, attempts (so retries), throttled answers,
 * and the URL of the last request, which an "unreachable" error names.
 */
public final class RequestLog implements ExecutionInterceptor {
  private final AtomicLong calls = new AtomicLong();
  private final AtomicLong attempts = new AtomicLong();
  private final AtomicLong throttled = new AtomicLong();
  private final AtomicReference<URI> lastUrl = new AtomicReference<>();

  @Override
  public void beforeExecution(
      Context.BeforeExecution context, ExecutionAttributes executionAttributes) {
    calls.incrementAndGet();
  }

  @Override
  public void beforeTransmission(
      Context.BeforeTransmission context, ExecutionAttributes executionAttributes) {
    attempts.incrementAndGet();
    URI uri = context.httpRequest().getUri();
    lastUrl.set(URI.create(uri.getScheme() + "://" + uri.getRawAuthority()));
  }

  @Override
  public void afterTransmission(
      Context.AfterTransmission context, ExecutionAttributes executionAttributes) {
    int status = context.httpResponse().statusCode();
    boolean throttling =
        status == 429
            || context
                .httpResponse()
                .firstMatchingHeader("x-amzn-ErrorType")
                .filter(t -> t.startsWith("Throttling") || t.startsWith("TooManyRequests"))
                .isPresent();
    if (throttling) {
      throttled.incrementAndGet();
    }
  }

  /** Attempts beyond the first of each call. */
  public long retries() {
    return Math.max(0, attempts.get() - calls.get());
  }

  public long throttled() {
    return throttled.get();
  }

  /** Scheme and authority of the last request sent (or tried), or null. */
  public URI lastUrl() {
    return lastUrl.get();
  }
}
