package dev.iotctl.cdk.iot;

import software.amazon.awscdk.IResource;

/** An AWS IoT static thing group, defined here ({@link ThingGroup}) or imported. */
public interface IThingGroup extends IResource {
  /** The group's name. */
  String getThingGroupName();

  /** The group's ARN. */
  String getThingGroupArn();

  /**
   * The parent group, or null for a root group or when unknown (imported without attributes). A
   * thing may be in only one group per hierarchy; this is how synthesis checks it.
   */
  IThingGroup getParent();

  /** Adds {@code thing} to this group (applied by the thing's stack's {@link ThingBindings}). */
  void addThing(IThing thing);
}
