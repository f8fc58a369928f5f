package dev.iotctl.local.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * AWS IoT's connect/disconnect lifecycle events on {@code
 * $aws/events/presence/connected/{clientId}} and {@code .../disconnected/{clientId}}. The principal
 * is the certificate id, as AWS reports it for certificate-authenticated clients. Client ids
 * containing {@code #} or {@code +} get none.
 */
final class LifecycleEvents {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final BiConsumer<String, byte[]> publisher;
  private final Clock clock;
  private final Map<String, AtomicLong> versions = new ConcurrentHashMap<>();

  LifecycleEvents(BiConsumer<String, byte[]> publisher, Clock clock) {
    this.publisher = publisher;
    this.clock = clock;
  }

  void connected(LiveConnection c) {
    ObjectNode event = base(c, "connected");
    event.put("ipAddress", c.principal().sourceIp());
    event.put("versionNumber", nextVersion(c.clientId()));
    publish("$aws/events/presence/connected/", c.clientId(), event);
  }

  void disconnected(LiveConnection c) {
    DisconnectReason reason = c.reason();
    ObjectNode event = base(c, "disconnected");
    event.put("clientInitiatedDisconnect", reason == DisconnectReason.CLIENT_INITIATED_DISCONNECT);
    event.put("disconnectReason", reason.name());
    event.put("versionNumber", currentVersion(c.clientId()));
    publish("$aws/events/presence/disconnected/", c.clientId(), event);
  }

  private ObjectNode base(LiveConnection c, String eventType) {
    ObjectNode event = JSON.createObjectNode();
    event.put("clientId", c.clientId());
    event.put("timestamp", clock.millis());
    event.put("eventType", eventType);
    event.put("sessionIdentifier", c.sessionIdentifier());
    event.put("principalIdentifier", c.certificateId());
    return event;
  }

  /** Monotonic per client id, as AWS's {@code versionNumber}. */
  private long nextVersion(String clientId) {
    return versions.computeIfAbsent(clientId, k -> new AtomicLong(-1)).incrementAndGet();
  }

  private long currentVersion(String clientId) {
    return versions.computeIfAbsent(clientId, k -> new AtomicLong()).get();
  }

  private void publish(String prefix, String clientId, ObjectNode event) {
    if (clientId.contains("#") || clientId.contains("+")) {
      return;
    }
    publisher.accept(prefix + clientId, event.toString().getBytes(StandardCharsets.UTF_8));
  }
}
