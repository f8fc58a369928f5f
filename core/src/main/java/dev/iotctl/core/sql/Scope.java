package dev.iotctl.core.sql;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What an expression is evaluated against: the current document (the payload object, or an element
 * of a nested query's source), the raw payload for {@code *}, and the message context.
 *
 * @param document the object attributes are read from; null for a non-JSON payload
 * @param star what {@code *} denotes: the JSON document, or the raw bytes as a binary node
 * @param payload the raw message bytes at top level; null inside nested queries
 */
record Scope(
    JsonNode document, JsonNode star, byte[] payload, SqlContext context, SqlVersion version) {

  Scope withDocument(JsonNode element) {
    return new Scope(element, element, null, context, version);
  }
}
