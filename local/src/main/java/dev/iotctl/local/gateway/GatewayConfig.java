package dev.iotctl.local.gateway;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * How to run the device gateway.
 *
 * @param port the TLS port on 127.0.0.1; 0 picks a free one
 * @param region the region in resource ARNs, e.g. {@code us-east-1}
 * @param accountId the account id in resource ARNs
 * @param serverKey the private key of the server certificate
 * @param serverCertificateChain the server certificate (SAN {@code localhost}, {@code 127.0.0.1})
 *     followed by its issuers
 * @param awsQuotas whether AWS's per-connection quotas apply ({@code --quotas aws}): 100 publishes
 *     a second (more are discarded) and 10 Device Shadow requests in flight (more get 429)
 */
public record GatewayConfig(
    int port,
    String region,
    String accountId,
    PrivateKey serverKey,
    List<X509Certificate> serverCertificateChain,
    boolean awsQuotas) {

  public GatewayConfig {
    serverCertificateChain = List.copyOf(serverCertificateChain);
  }

  /** Without AWS's per-connection quotas. */
  public GatewayConfig(
      int port,
      String region,
      String accountId,
      PrivateKey serverKey,
      List<X509Certificate> serverCertificateChain) {
    this(port, region, accountId, serverKey, serverCertificateChain, false);
  }
}
