package dev.iotctl.core.shadow;

import java.util.Optional;

/**
 * An accepted update: the shadow to store and the messages AWS publishes for it. {@code
 * acceptedJson} is also UpdateThingShadow's HTTP response body; {@code deltaJson} is present when
 * desired and reported differ after the update.
 */
public record UpdateResult(
    StoredShadow newState, byte[] acceptedJson, Optional<byte[]> deltaJson, byte[] documentsJson) {}
