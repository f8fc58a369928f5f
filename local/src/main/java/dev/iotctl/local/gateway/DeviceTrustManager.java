package dev.iotctl.local.gateway;

import dev.iotctl.core.pki.CertificateIds;
import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Accepts a client certificate during the TLS handshake only if it is registered and {@code
 * ACTIVE}, looked up by its id (SHA-256 of the DER). As on AWS, what counts is registration: a
 * certificate signed by the stand-in's CA but never registered is refused, and one registered
 * without a CA (self-signed or foreign-issued) is accepted. An unregistered or {@code
 * PENDING_ACTIVATION} certificate is offered to {@link DeviceDirectory#registerOnConnection}
 * (just-in-time registration). The handshake itself proves the client holds the certificate's
 * private key.
 *
 * <p>It extends {@link X509ExtendedTrustManager} so that the JDK uses it as is rather than wrapping
 * it with its own endpoint checks.
 */
final class DeviceTrustManager extends X509ExtendedTrustManager {
  private final DeviceDirectory directory;

  DeviceTrustManager(DeviceDirectory directory) {
    this.directory = directory;
  }

  private void check(X509Certificate[] chain) throws CertificateException {
    if (chain == null || chain.length == 0) {
      throw new CertificateException("no client certificate");
    }
    X509Certificate leaf = chain[0];
    leaf.checkValidity();
    String id = CertificateIds.of(leaf);
    Optional<DeviceRecord> registered = directory.findForConnection(id);
    Optional<DeviceRecord> found =
        registered.isEmpty() || "PENDING_ACTIVATION".equals(registered.get().status())
            ? directory.registerOnConnection(List.of(chain)).or(() -> registered)
            : registered;
    DeviceRecord device =
        found.orElseThrow(
            () -> new CertificateException("certificate " + id + " is not registered"));
    if (!device.isActive()) {
      throw new CertificateException("certificate " + id + " is " + device.status());
    }
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    check(chain);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    check(chain);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    check(chain);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    throw new CertificateException("server certificates are not checked here");
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    throw new CertificateException("server certificates are not checked here");
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    throw new CertificateException("server certificates are not checked here");
  }

  /** No issuer hints: clients send their certificate whoever issued it. */
  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return new X509Certificate[0];
  }
}
