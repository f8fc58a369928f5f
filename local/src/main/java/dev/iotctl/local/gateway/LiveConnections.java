package dev.iotctl.local.gateway;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The admitted connections by client id: at most one per client id, as on AWS. */
final class LiveConnections {
  private final Map<String, LiveConnection> byClientId = new ConcurrentHashMap<>();

  /** Admits a connection; one holding the same client id is marked as taken over. */
  void admit(LiveConnection connection) {
    LiveConnection previous = byClientId.put(connection.clientId(), connection);
    if (previous != null && previous != connection) {
      previous.noteReason(DisconnectReason.DUPLICATE_CLIENTID);
    }
  }

  /** Forgets a closed connection unless a newer one already holds its client id. */
  void remove(LiveConnection connection) {
    byClientId.remove(connection.clientId(), connection);
  }

  Optional<LiveConnection> byClientId(String clientId) {
    return Optional.ofNullable(byClientId.get(clientId));
  }

  List<LiveConnection> byCertificate(String certificateId) {
    return byClientId.values().stream()
        .filter(c -> c.certificateId().equals(certificateId))
        .toList();
  }

  List<LiveConnection> all() {
    return List.copyOf(byClientId.values());
  }
}
