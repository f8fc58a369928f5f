package dev.iotctl.core.shadow;

/**
 * An accepted delete: the tombstone to store (it keeps the version) and the {@code
 * /delete/accepted} document, also DeleteThingShadow's HTTP response body.
 */
public record DeleteResult(StoredShadow newState, byte[] acceptedJson) {}
