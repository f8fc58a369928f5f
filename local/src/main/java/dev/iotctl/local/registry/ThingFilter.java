package dev.iotctl.local.registry;

import java.util.Optional;

/**
 * ListThings' filters: by one attribute (exact value, or value prefix with {@code
 * usePrefixAttributeValue}) and by thing type.
 */
public record ThingFilter(
    Optional<String> attributeName,
    Optional<String> attributeValue,
    Optional<String> thingTypeName,
    boolean usePrefixAttributeValue) {

  /** No filter: every thing. */
  public static ThingFilter none() {
    return new ThingFilter(Optional.empty(), Optional.empty(), Optional.empty(), false);
  }
}
