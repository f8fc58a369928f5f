package dev.iotctl.local.jobs;

import dev.iotctl.core.error.IotException;
import dev.iotctl.local.registry.Registry;
import dev.iotctl.local.registry.ThingGroup;
import dev.iotctl.local.store.Page;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** {@link Targets} over the stand-in's registry, through its public services. */
public final class RegistryTargets implements Targets {
  private final Registry registry;

  public RegistryTargets(Registry registry) {
    this.registry = registry;
  }

  @Override
  public boolean thingExists(String thingName) {
    return exists(() -> registry.things().describe(thingName));
  }

  @Override
  public boolean groupExists(String groupName) {
    return exists(() -> registry.thingGroups().describe(groupName));
  }

  @Override
  public List<String> thingsInGroup(String groupName) {
    List<String> things = new ArrayList<>();
    String token = null;
    do {
      Page<String> page = registry.thingGroups().listThings(groupName, true, 250, token);
      things.addAll(page.items());
      token = page.nextToken().orElse(null);
    } while (token != null);
    return things;
  }

  @Override
  public Set<String> groupsOf(String thingName) {
    Set<String> groups = new LinkedHashSet<>();
    String token = null;
    try {
      do {
        Page<ThingGroup.GroupRef> page =
            registry.thingGroups().listGroupsForThing(thingName, 250, token);
        for (ThingGroup.GroupRef ref : page.items()) {
          groups.add(ref.groupName());
          registry.thingGroups().describe(ref.groupName()).rootToParent().stream()
              .map(ThingGroup.GroupRef::groupName)
              .forEach(groups::add);
        }
        token = page.nextToken().orElse(null);
      } while (token != null);
    } catch (IotException e) {
      if (!"ResourceNotFoundException".equals(e.errorCode())) {
        throw e;
      }
    }
    return groups;
  }

  private static boolean exists(Runnable describe) {
    try {
      describe.run();
      return true;
    } catch (IotException e) {
      if ("ResourceNotFoundException".equals(e.errorCode())) {
        return false;
      }
      throw e;
    }
  }
}
