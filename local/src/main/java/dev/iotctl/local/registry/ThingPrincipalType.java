package dev.iotctl.local.registry;

/**
 * How a principal is attached to a thing: {@code EXCLUSIVE_THING} principals may be attached to
 * that one thing only.
 */
public enum ThingPrincipalType {
  EXCLUSIVE_THING,
  NON_EXCLUSIVE_THING
}
