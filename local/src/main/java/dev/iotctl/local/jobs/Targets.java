package dev.iotctl.local.jobs;

import java.util.List;
import java.util.Set;

/**
 * What the Jobs service needs from the registry: whether things and groups exist, a group's things
 * (its descendants' included) and a thing's groups (their ancestors included).
 */
public interface Targets {
  boolean thingExists(String thingName);

  boolean groupExists(String groupName);

  /** Every thing in the group or one of its descendants, in name order. */
  List<String> thingsInGroup(String groupName);

  /** The groups the thing belongs to, directly or through a child group; empty if none. */
  Set<String> groupsOf(String thingName);
}
