package dev.iotctl.local.registry;

import java.util.Optional;

/**
 * An UpdateThing request.
 *
 * @param thingTypeName the new type, if it changes
 * @param removeThingType whether to remove the thing's type (exclusive with {@code thingTypeName})
 * @param attributes new attributes, if they change
 * @param expectedVersion the version the thing must have, or null to skip the check
 */
public record ThingUpdate(
    Optional<String> thingTypeName,
    boolean removeThingType,
    Optional<AttributePayload> attributes,
    Long expectedVersion) {}
