package dev.iotctl.local.gateway;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * What the gateway needs to know about a certificate presented on a connection: the narrow view of
 * the registry consulted during the TLS handshake, at MQTT CONNECT and on registry changes.
 */
public interface DeviceDirectory {

  /**
   * The certificate with this id (lower-case hex SHA-256 of its DER), its status, attached policies
   * and things; empty when no such certificate is registered.
   */
  Optional<DeviceRecord> findForConnection(String certificateId);

  /**
   * Called during the handshake when the presented certificate is not registered or is {@code
   * PENDING_ACTIVATION}, with the chain as the client sent it (its certificate first): a directory
   * may register it on the spot, as AWS's just-in-time registration and provisioning do, and return
   * what the certificate is now. The connection is accepted only if that is ACTIVE. By default
   * nothing happens.
   */
  default Optional<DeviceRecord> registerOnConnection(List<X509Certificate> chain) {
    return Optional.empty();
  }
}
