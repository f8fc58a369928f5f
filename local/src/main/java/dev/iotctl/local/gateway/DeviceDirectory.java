package dev.iotctl.local.gateway;

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
}
