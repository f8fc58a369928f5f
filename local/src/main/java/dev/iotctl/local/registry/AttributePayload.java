package dev.iotctl.local.registry;

import java.util.Map;

/**
 * New attributes for a thing or thing group. With {@code merge}, the given attributes are added to
 * or replace existing ones and an attribute given an empty value is removed; without it, they
 * replace all existing attributes.
 */
public record AttributePayload(Map<String, String> attributes, boolean merge) {
  public AttributePayload {
    attributes = Map.copyOf(attributes);
  }
}
