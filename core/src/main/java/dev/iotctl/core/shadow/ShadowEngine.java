package dev.iotctl.core.shadow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotctl.core.topic.IotLimits;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Applies Device Shadow requests the way AWS IoT's Device Shadow service does. Stateless: the
 * caller loads the stored shadow, calls the engine and stores {@code newState}; the engine decides
 * what to answer and publish. The clock gives every response its {@code timestamp} and every
 * written leaf its metadata timestamp (epoch seconds).
 *
 * <p>Every rejection is a {@link ShadowException} carrying AWS's code and message.
 */
public final class ShadowEngine {
  private final Clock clock;

  public ShadowEngine(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public ShadowEngine() {
    this(Clock.systemUTC());
  }

  /** Current time in epoch seconds, as used in responses. */
  public long now() {
    return clock.instant().getEpochSecond();
  }

  /** {@link #update(String, String, StoredShadow, byte[])} without the thing name. */
  public UpdateResult update(String shadowName, StoredShadow current, byte[] payload) {
    return update(null, shadowName, current, payload);
  }

  /**
   * Applies an update request document to {@code current} (null or a tombstone when the shadow does
   * not exist; the update creates it).
   *
   * @param thingName the thing's name; only used in error text, may be null
   * @param shadowName the named shadow's name, null for the classic shadow
   */
  public UpdateResult update(
      String thingName, String shadowName, StoredShadow current, byte[] payload) {
    Objects.requireNonNull(payload, "payload");
    long now = now();
    UpdateRequest request = UpdateRequest.parse(payload);
    String token = request.clientToken();
    StoredShadow live = current != null && current.exists() ? current : null;
    long baseVersion = baseVersion(current, now);
    if (request.version() != null && request.version() != baseVersion) {
      throw new ShadowException(409, ShadowMessages.VERSION_CONFLICT, token);
    }

    ObjectNode oldDesired = live == null ? StateTree.empty() : live.desired();
    ObjectNode oldReported = live == null ? StateTree.empty() : live.reported();
    ObjectNode oldDesiredMeta = live == null ? StateTree.empty() : live.desiredMetadata();
    ObjectNode oldReportedMeta = live == null ? StateTree.empty() : live.reportedMetadata();

    ObjectNode desired = apply(oldDesired, request.desired());
    ObjectNode reported = apply(oldReported, request.reported());
    if (stateSize(desired) + stateSize(reported) > IotLimits.SHADOW_STATE_MAX_BYTES) {
      throw new ShadowException(413, ShadowMessages.TOO_LARGE, token);
    }
    ObjectNode desiredMeta = applyMetadata(oldDesiredMeta, request.desired(), desired, now);
    ObjectNode reportedMeta = applyMetadata(oldReportedMeta, request.reported(), reported, now);
    long version = baseVersion + 1;
    StoredShadow next =
        new StoredShadow(desired, reported, desiredMeta, reportedMeta, version, null);

    ObjectNode accepted = ShadowJson.object();
    accepted.set("state", request.state().deepCopy());
    accepted.set("metadata", sentMetadata(request.state(), now));
    finish(accepted, version, now, token);

    ObjectNode delta = StateTree.delta(desired, reported);
    Optional<byte[]> deltaJson = Optional.empty();
    if (!delta.isEmpty()) {
      ObjectNode deltaDoc = ShadowJson.object();
      deltaDoc.set("state", delta);
      deltaDoc.set("metadata", StateTree.align(delta, desiredMeta, now));
      finish(deltaDoc, version, now, token);
      deltaJson = Optional.of(ShadowJson.bytes(deltaDoc));
    }

    ObjectNode documents = ShadowJson.object();
    if (live != null) {
      documents.set("previous", snapshot(live));
    }
    documents.set("current", snapshot(next));
    documents.put("timestamp", now);
    if (token != null) {
      documents.put("clientToken", token);
    }
    return new UpdateResult(
        next, ShadowJson.bytes(accepted), deltaJson, ShadowJson.bytes(documents));
  }

  /** {@link #get(String, String, StoredShadow, String)} without the thing name. */
  public GetResult get(String shadowName, StoredShadow current, String clientToken) {
    return get(null, shadowName, current, clientToken);
  }

  /**
   * The full shadow document: state with delta, metadata, version, timestamp and the client token
   * when given. 404 when the shadow does not exist.
   */
  public GetResult get(
      String thingName, String shadowName, StoredShadow current, String clientToken) {
    requireLive(thingName, shadowName, current, clientToken);
    long now = now();
    ObjectNode desired = current.desired();
    ObjectNode state = StoredShadow.sections(desired, current.reported());
    ObjectNode delta = StateTree.delta(desired, current.reported());
    if (!delta.isEmpty()) {
      state.set("delta", delta);
    }
    ObjectNode doc = ShadowJson.object();
    doc.set("state", state);
    doc.set(
        "metadata", StoredShadow.sections(current.desiredMetadata(), current.reportedMetadata()));
    finish(doc, current.version(), now, clientToken);
    return new GetResult(ShadowJson.bytes(doc));
  }

  /** {@link #delete(String, String, StoredShadow, byte[])} without the thing name. */
  public DeleteResult delete(String shadowName, StoredShadow current, byte[] payload) {
    return delete(null, shadowName, current, payload);
  }

  /**
   * Deletes the shadow, leaving a tombstone that keeps its version. AWS ignores the delete
   * message's content; a {@code clientToken} in it is echoed. 404 when the shadow does not exist.
   */
  public DeleteResult delete(
      String thingName, String shadowName, StoredShadow current, byte[] payload) {
    String token = clientTokenOf(payload);
    requireLive(thingName, shadowName, current, token);
    long now = now();
    ObjectNode accepted = ShadowJson.object();
    accepted.put("version", current.version());
    accepted.put("timestamp", now);
    if (token != null) {
      accepted.put("clientToken", token);
    }
    return new DeleteResult(
        StoredShadow.tombstone(current.version(), now), ShadowJson.bytes(accepted));
  }

  /**
   * The valid client token of a request payload (a JSON object with a {@code clientToken} string of
   * at most 64 bytes), or null. Never throws: GET and DELETE payloads are otherwise ignored.
   */
  public static String clientTokenOf(byte[] payload) {
    if (payload == null || payload.length == 0 || payload.length > IotLimits.PAYLOAD_MAX_BYTES) {
      return null;
    }
    try {
      JsonNode doc = ShadowJson.parse(payload);
      return doc.isObject() ? UpdateRequest.clientToken(doc) : null;
    } catch (ShadowException e) {
      return null;
    }
  }

  private void requireLive(
      String thingName, String shadowName, StoredShadow current, String clientToken) {
    if (current == null || !current.exists()) {
      String name = shadowName != null ? shadowName : Objects.requireNonNullElse(thingName, "");
      throw new ShadowException(404, ShadowMessages.noShadow(name), clientToken);
    }
  }

  /** The version the next update builds on: a recent tombstone's, else 0 for a new shadow. */
  private static long baseVersion(StoredShadow current, long now) {
    if (current == null) {
      return 0;
    }
    if (current.exists()) {
      return current.version();
    }
    long age = now - current.deletedAt();
    return age <= IotLimits.SHADOW_VERSION_RETENTION.toSeconds() ? current.version() : 0;
  }

  private static ObjectNode apply(ObjectNode section, UpdateRequest.Section change) {
    if (!change.present()) {
      return section;
    }
    return change.clears() ? StateTree.empty() : StateTree.merge(section, change.patch());
  }

  private static ObjectNode applyMetadata(
      ObjectNode metadata, UpdateRequest.Section change, ObjectNode merged, long now) {
    if (!change.present()) {
      return metadata;
    }
    return change.clears()
        ? StateTree.empty()
        : StateTree.mergeMetadata(metadata, change.patch(), merged, now);
  }

  /** Bytes counted against the 8 KB quota: the section's compact JSON, nothing when empty. */
  private static int stateSize(ObjectNode section) {
    return section.isEmpty() ? 0 : ShadowJson.size(section);
  }

  /**
   * Metadata of the fields a request sent, nulls included (they were written too). For {@code
   * "state": null} that is one stamp for the whole state, {@code {"timestamp": now}}, the way a
   * {@code null} section is stamped.
   */
  private static JsonNode sentMetadata(JsonNode state, long now) {
    if (state.isNull()) {
      return StateTree.mirror(state, now);
    }
    ObjectNode metadata = ShadowJson.object();
    if (state.isObject()) {
      for (String section : new String[] {"desired", "reported"}) {
        JsonNode sent = state.get(section);
        if (sent != null) {
          metadata.set(section, StateTree.mirror(sent, now));
        }
      }
    }
    return metadata;
  }

  private static ObjectNode snapshot(StoredShadow shadow) {
    ObjectNode node = ShadowJson.object();
    node.set("state", StoredShadow.sections(shadow.desired(), shadow.reported()));
    node.set(
        "metadata", StoredShadow.sections(shadow.desiredMetadata(), shadow.reportedMetadata()));
    node.put("version", shadow.version());
    return node;
  }

  private static void finish(ObjectNode doc, long version, long now, String clientToken) {
    doc.put("version", version);
    doc.put("timestamp", now);
    if (clientToken != null) {
      doc.put("clientToken", clientToken);
    }
  }
}
