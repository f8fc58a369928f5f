package dev.iotctl.local.http;

import dev.iotctl.local.http.quota.QuotaMode;

/**
 * Settings of the stand-in's HTTP API.
 *
 * @param host address to bind, {@code 127.0.0.1} by default (loopback only)
 * @param port TCP port, 0 for any free port
 * @param quotas whether control-plane operations are throttled at AWS's default rates
 * @param allowUnsigned accept requests without a SigV4 signature (curl); AWS refuses them, and so
 *     does the stand-in by default
 * @param threads worker threads serving requests
 */
public record HttpApiConfig(
    String host, int port, QuotaMode quotas, boolean allowUnsigned, int threads) {

  /** Loopback, any free port, no quotas, signatures required, 16 workers. */
  public static HttpApiConfig defaults() {
    return new HttpApiConfig("127.0.0.1", 0, QuotaMode.NONE, false, 16);
  }

  public HttpApiConfig withPort(int newPort) {
    return new HttpApiConfig(host, newPort, quotas, allowUnsigned, threads);
  }

  public HttpApiConfig withQuotas(QuotaMode newQuotas) {
    return new HttpApiConfig(host, port, newQuotas, allowUnsigned, threads);
  }

  public HttpApiConfig withAllowUnsigned(boolean allow) {
    return new HttpApiConfig(host, port, quotas, allow, threads);
  }
}
