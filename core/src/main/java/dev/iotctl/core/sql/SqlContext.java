package dev.iotctl.core.sql;

import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What the rules engine knows about a message besides its payload: the values behind {@code
 * topic()}, {@code clientid()}, {@code principal()}, {@code timestamp()}, {@code newuuid()}, {@code
 * accountid()} and {@code traceid()}.
 *
 * @param topic the topic the message was published to (Basic Ingest prefix already removed)
 * @param clientId the MQTT client id, or {@code n/a} when not sent over MQTT
 * @param principal the publisher's principal (certificate id, IAM id...), may be null
 * @param timestampMillis the engine's clock for this message
 * @param uuidSupplier source of {@code newuuid()} values
 * @param accountId the rule owner's account, null makes {@code accountid()} Undefined
 * @param traceId the MQTT message's trace id, null makes {@code traceid()} Undefined
 */
public record SqlContext(
    String topic,
    String clientId,
    String principal,
    long timestampMillis,
    Supplier<String> uuidSupplier,
    String accountId,
    String traceId) {

  public SqlContext {
    Objects.requireNonNull(topic, "topic");
    clientId = clientId == null ? "n/a" : clientId;
    uuidSupplier = uuidSupplier == null ? () -> UUID.randomUUID().toString() : uuidSupplier;
  }

  /** A context without account and trace ids. */
  public SqlContext(
      String topic,
      String clientId,
      String principal,
      long timestampMillis,
      Supplier<String> uuidSupplier) {
    this(topic, clientId, principal, timestampMillis, uuidSupplier, null, null);
  }

  /** A context for a message on {@code topic} now, with random UUIDs. */
  public static SqlContext of(String topic, String clientId, String principal) {
    return new SqlContext(topic, clientId, principal, System.currentTimeMillis(), null);
  }
}
