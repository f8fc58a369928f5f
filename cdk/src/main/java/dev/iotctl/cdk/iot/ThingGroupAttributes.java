package dev.iotctl.cdk.iot;

import java.util.Objects;

/**
 * What is known about an imported thing group: its name and, so that synthesis can check the
 * one-group-per-hierarchy rule, its parent.
 *
 * @param thingGroupName the group's name
 * @param parent the parent group, or null for a root group (or when unknown)
 */
public record ThingGroupAttributes(String thingGroupName, IThingGroup parent) {
  public ThingGroupAttributes {
    Objects.requireNonNull(thingGroupName, "thingGroupName");
  }
}
