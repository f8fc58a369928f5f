package dev.iotctl.core.shadow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * The tree operations behind a shadow update: merging a partial state into a section, the metadata
 * that mirrors a section, and the delta between desired and reported. All return new trees; inputs
 * are never modified.
 */
final class StateTree {
  private StateTree() {}

  /**
   * Merges {@code patch} into {@code section}: {@code null} removes a key, objects merge key by
   * key, anything else (scalars, arrays) replaces the value whole. An empty object sent as a value
   * is a value like any other and is kept ("Values, objects, and arrays are stored"); an object
   * that the patch's nulls leave empty is dropped, as AWS drops a section that becomes empty.
   */
  static ObjectNode merge(ObjectNode section, ObjectNode patch) {
    ObjectNode result = section.deepCopy();
    for (Map.Entry<String, JsonNode> e : patch.properties()) {
      String key = e.getKey();
      JsonNode value = e.getValue();
      if (value.isNull()) {
        result.remove(key);
      } else if (value.isObject()) {
        JsonNode existing = result.get(key);
        ObjectNode base = existing != null && existing.isObject() ? (ObjectNode) existing : empty();
        ObjectNode merged = merge(base, (ObjectNode) value);
        if (merged.isEmpty() && !value.isEmpty()) {
          result.remove(key);
        } else {
          result.set(key, merged);
        }
      } else {
        result.set(key, value.deepCopy());
      }
    }
    return result;
  }

  /**
   * The metadata of {@code section} after {@code patch} was merged into it: leaves the patch
   * touched get {@code timestamp}, others keep theirs from {@code metadata}.
   */
  static ObjectNode mergeMetadata(
      ObjectNode metadata, ObjectNode patch, ObjectNode mergedSection, long timestamp) {
    ObjectNode touched = metadata.deepCopy();
    stamp(touched, patch, timestamp);
    return align(mergedSection, touched, timestamp);
  }

  private static void stamp(ObjectNode metadata, ObjectNode patch, long timestamp) {
    for (Map.Entry<String, JsonNode> e : patch.properties()) {
      String key = e.getKey();
      JsonNode value = e.getValue();
      if (value.isNull()) {
        metadata.remove(key);
      } else if (value.isObject()) {
        JsonNode existing = metadata.get(key);
        ObjectNode base = existing != null && existing.isObject() ? (ObjectNode) existing : empty();
        stamp(base, (ObjectNode) value, timestamp);
        metadata.set(key, base);
      } else {
        metadata.set(key, mirror(value, timestamp));
      }
    }
  }

  /**
   * Metadata shaped exactly like {@code state}: each leaf takes its entry from {@code metadata}
   * when that has one of the right shape, else {@code {"timestamp": timestamp}}.
   */
  static ObjectNode align(ObjectNode state, JsonNode metadata, long timestamp) {
    ObjectNode result = empty();
    for (Map.Entry<String, JsonNode> e : state.properties()) {
      JsonNode value = e.getValue();
      JsonNode meta = metadata == null ? null : metadata.get(e.getKey());
      result.set(e.getKey(), alignValue(value, meta, timestamp));
    }
    return result;
  }

  private static JsonNode alignValue(JsonNode value, JsonNode meta, long timestamp) {
    if (value.isObject()) {
      return align((ObjectNode) value, meta != null && meta.isObject() ? meta : null, timestamp);
    }
    if (value.isArray()) {
      ArrayNode result = ShadowJson.MAPPER.createArrayNode();
      boolean sameShape = meta != null && meta.isArray() && meta.size() == value.size();
      for (int i = 0; i < value.size(); i++) {
        result.add(alignValue(value.get(i), sameShape ? meta.get(i) : null, timestamp));
      }
      return result;
    }
    if (meta != null && meta.isObject() && meta.path("timestamp").isIntegralNumber()) {
      return meta.deepCopy();
    }
    return leaf(timestamp);
  }

  /** Metadata for a freshly written value: every leaf (including {@code null}) stamped. */
  static JsonNode mirror(JsonNode value, long timestamp) {
    if (value.isObject()) {
      ObjectNode result = empty();
      for (Map.Entry<String, JsonNode> e : value.properties()) {
        result.set(e.getKey(), mirror(e.getValue(), timestamp));
      }
      return result;
    }
    if (value.isArray()) {
      ArrayNode result = ShadowJson.MAPPER.createArrayNode();
      for (JsonNode element : value) {
        result.add(mirror(element, timestamp));
      }
      return result;
    }
    return leaf(timestamp);
  }

  /**
   * Desired entries that reported lacks or holds a different value for; nested objects recurse so
   * the delta keeps the path to each difference. Arrays are values: compared and copied whole. Keys
   * only in reported never appear.
   */
  static ObjectNode delta(ObjectNode desired, ObjectNode reported) {
    ObjectNode result = empty();
    for (Map.Entry<String, JsonNode> e : desired.properties()) {
      JsonNode want = e.getValue();
      JsonNode have = reported.get(e.getKey());
      if (have == null) {
        result.set(e.getKey(), want.deepCopy());
      } else if (want.isObject() && have.isObject()) {
        ObjectNode nested = delta((ObjectNode) want, (ObjectNode) have);
        if (!nested.isEmpty()) {
          result.set(e.getKey(), nested);
        }
      } else if (!ShadowJson.sameValue(want, have)) {
        result.set(e.getKey(), want.deepCopy());
      }
    }
    return result;
  }

  private static ObjectNode leaf(long timestamp) {
    return empty().put("timestamp", timestamp);
  }

  static ObjectNode empty() {
    return ShadowJson.object();
  }
}
