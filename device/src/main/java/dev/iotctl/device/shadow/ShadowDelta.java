package dev.iotctl.device.shadow;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A {@code /update/delta} message: the desired properties that differ from the reported ones.
 *
 * @param state the differing desired properties (an object, possibly nested)
 * @param version the shadow version the delta was computed from
 * @param document the whole message as received (metadata, timestamp, clientToken)
 */
public record ShadowDelta(JsonNode state, long version, JsonNode document) {}
