package dev.iotctl.local.gateway;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every connection that completed a TLS handshake with a registered certificate, until it closes —
 * whatever its CONNECT did — so that a change of the certificate finds all of them; and, for
 * Moquette's hooks that know only a client id, the connection most recently admitted under each
 * client id.
 */
final class LiveConnections {
  private final Set<LiveConnection> all = ConcurrentHashMap.newKeySet();
  private final Map<String, LiveConnection> byClientId = new ConcurrentHashMap<>();

  /** Tracks a connection from the end of its handshake. */
  void track(LiveConnection connection) {
    all.add(connection);
  }

  /** Records an admitted CONNECT; a connection holding the same client id is taken over. */
  void admit(LiveConnection connection) {
    LiveConnection previous = byClientId.put(connection.clientId(), connection);
    if (previous != null && previous != connection) {
      previous.noteReason(DisconnectReason.DUPLICATE_CLIENTID);
    }
  }

  /**
   * Forgets a closed connection. If it held its client id, another open connection admitted with
   * that client id (if any) holds it now.
   */
  void remove(LiveConnection connection) {
    all.remove(connection);
    String clientId = connection.clientId();
    if (clientId != null && byClientId.remove(clientId, connection)) {
      all.stream()
          .filter(c -> clientId.equals(c.clientId()) && c.isOpen())
          .findAny()
          .ifPresent(c -> byClientId.putIfAbsent(clientId, c));
    }
  }

  Optional<LiveConnection> byClientId(String clientId) {
    return Optional.ofNullable(byClientId.get(clientId));
  }

  List<LiveConnection> byCertificate(String certificateId) {
    return all.stream().filter(c -> c.certificateId().equals(certificateId)).toList();
  }

  List<LiveConnection> all() {
    return List.copyOf(all);
  }

  /** The admitted ones. */
  List<LiveConnection> admitted() {
    return all.stream().filter(c -> c.principal() != null).toList();
  }
}
