package dev.iotctl.local.http;

import dev.iotctl.local.http.quota.QuotaMode;
import java.time.Duration;

/**
 * Settings of the stand-in's HTTP API.
 *
 * @param host address to bind, {@code 127.0.0.1} by default (loopback only)
 * @param port TCP port, 0 for any free port
 * @param quotas whether control-plane operations are throttled at AWS's default rates
 * @param allowUnsigned accept requests without a SigV4 signature (curl); AWS refuses them, and so
 *     does the stand-in by default
 * @param threads worker threads running operations (they block on SQLite); network I/O runs on its
 *     own event loop
 * @param timeouts how long a client may take to send a request, or leave a connection idle
 */
public record HttpApiConfig(
    String host,
    int port,
    QuotaMode quotas,
    boolean allowUnsigned,
    int threads,
    Timeouts timeouts) {

  /**
   * Read deadlines that keep slow or stalled clients from holding connections.
   *
   * @param header from the first byte of a request until its request line and headers are in
   * @param body from the end of the headers until the last body byte is in
   * @param idle a keep-alive connection with no request in progress is closed after this long
   */
  public record Timeouts(Duration header, Duration body, Duration idle) {
    /** 10 s for the headers, 20 s for the body, 60 s idle. */
    public static final Timeouts DEFAULTS =
        new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(60));

    public Timeouts {
      for (Duration d : new Duration[] {header, body, idle}) {
        if (d.isNegative() || d.isZero()) {
          throw new IllegalArgumentException("timeouts must be positive: " + d);
        }
      }
    }
  }

  /** With the default {@link Timeouts}. */
  public HttpApiConfig(
      String host, int port, QuotaMode quotas, boolean allowUnsigned, int threads) {
    this(host, port, quotas, allowUnsigned, threads, Timeouts.DEFAULTS);
  }

  /** Loopback, any free port, no quotas, signatures required, 16 workers, default timeouts. */
  public static HttpApiConfig defaults() {
    return new HttpApiConfig("127.0.0.1", 0, QuotaMode.NONE, false, 16);
  }

  public HttpApiConfig withPort(int newPort) {
    return new HttpApiConfig(host, newPort, quotas, allowUnsigned, threads, timeouts);
  }

  public HttpApiConfig withQuotas(QuotaMode newQuotas) {
    return new HttpApiConfig(host, port, newQuotas, allowUnsigned, threads, timeouts);
  }

  public HttpApiConfig withAllowUnsigned(boolean allow) {
    return new HttpApiConfig(host, port, quotas, allow, threads, timeouts);
  }

  public HttpApiConfig withTimeouts(Timeouts newTimeouts) {
    return new HttpApiConfig(host, port, quotas, allowUnsigned, threads, newTimeouts);
  }
}
