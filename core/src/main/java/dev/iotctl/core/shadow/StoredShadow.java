package dev.iotctl.core.shadow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * Everything a store keeps for one shadow: its {@code desired} and {@code reported} sections (empty
 * objects when absent), their metadata (mirroring the sections, one {@code {"timestamp": s}} per
 * leaf) and its version. A deleted shadow is kept as a tombstone ({@code deletedAt} set, sections
 * empty) so that a shadow created again under the same name within 48 hours continues the version
 * sequence, as AWS does.
 *
 * <p>The JSON trees are copied in and out, and normalised through their JSON text so that two
 * stored shadows are equal exactly when their stored forms are; the record is immutable.
 */
public record StoredShadow(
    ObjectNode desired,
    ObjectNode reported,
    ObjectNode desiredMetadata,
    ObjectNode reportedMetadata,
    long version,
    Long deletedAt) {

  public StoredShadow {
    desired = copyOrEmpty(desired);
    reported = copyOrEmpty(reported);
    desiredMetadata = copyOrEmpty(desiredMetadata);
    reportedMetadata = copyOrEmpty(reportedMetadata);
    if (version < 0) {
      throw new IllegalArgumentException("version must be >= 0: " + version);
    }
  }

  /** A deleted shadow that remembers its last version. */
  public static StoredShadow tombstone(long version, long deletedAtEpochSeconds) {
    return new StoredShadow(null, null, null, null, version, deletedAtEpochSeconds);
  }

  /** False for a tombstone: GET and DELETE answer 404. */
  public boolean exists() {
    return deletedAt == null;
  }

  @Override
  public ObjectNode desired() {
    return desired.deepCopy();
  }

  @Override
  public ObjectNode reported() {
    return reported.deepCopy();
  }

  @Override
  public ObjectNode desiredMetadata() {
    return desiredMetadata.deepCopy();
  }

  @Override
  public ObjectNode reportedMetadata() {
    return reportedMetadata.deepCopy();
  }

  /** The stored form: {@code {"state":{…},"metadata":{…},"version":n[,"deletedAt":s]}}. */
  public String toJson() {
    ObjectNode doc = ShadowJson.object();
    doc.set("state", sections(desired, reported));
    doc.set("metadata", sections(desiredMetadata, reportedMetadata));
    doc.put("version", version);
    if (deletedAt != null) {
      doc.put("deletedAt", deletedAt.longValue());
    }
    return ShadowJson.string(doc);
  }

  /** Reads what {@link #toJson()} wrote. */
  public static StoredShadow fromJson(String json) {
    JsonNode doc = ShadowJson.parseTrusted(Objects.requireNonNull(json, "json"));
    if (!doc.isObject() || !doc.path("version").canConvertToLong()) {
      throw new IllegalArgumentException("not a stored shadow: " + json);
    }
    JsonNode state = doc.path("state");
    JsonNode metadata = doc.path("metadata");
    JsonNode deletedAt = doc.get("deletedAt");
    return new StoredShadow(
        objectOrNull(state.get("desired")),
        objectOrNull(state.get("reported")),
        objectOrNull(metadata.get("desired")),
        objectOrNull(metadata.get("reported")),
        doc.get("version").asLong(),
        deletedAt == null || deletedAt.isNull() ? null : deletedAt.asLong());
  }

  /** {@code {"desired":…,"reported":…}} leaving out empty sections, as AWS's documents do. */
  static ObjectNode sections(ObjectNode desired, ObjectNode reported) {
    ObjectNode node = ShadowJson.object();
    if (!desired.isEmpty()) {
      node.set("desired", desired.deepCopy());
    }
    if (!reported.isEmpty()) {
      node.set("reported", reported.deepCopy());
    }
    return node;
  }

  private static ObjectNode copyOrEmpty(ObjectNode node) {
    return node == null
        ? ShadowJson.object()
        : (ObjectNode) ShadowJson.parseTrusted(node.toString());
  }

  private static ObjectNode objectOrNull(JsonNode node) {
    return node != null && node.isObject() ? (ObjectNode) node : null;
  }
}
