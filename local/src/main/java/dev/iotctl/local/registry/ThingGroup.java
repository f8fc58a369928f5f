package dev.iotctl.local.registry;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A thing group, as DescribeThingGroup reports it.
 *
 * @param rootToParent the group's ancestors from the root down to its parent
 */
public record ThingGroup(
    String name,
    String id,
    String arn,
    Optional<String> parentGroupName,
    List<GroupRef> rootToParent,
    Optional<String> description,
    Map<String, String> attributes,
    long version,
    Instant creationDate) {
  public ThingGroup {
    rootToParent = List.copyOf(rootToParent);
    attributes = Map.copyOf(attributes);
  }

  /** A group's name and ARN, as {@code rootToParentThingGroups} lists them. */
  public record GroupRef(String groupName, String groupArn) {}
}
