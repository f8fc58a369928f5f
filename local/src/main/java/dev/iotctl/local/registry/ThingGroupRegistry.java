package dev.iotctl.local.registry;

import dev.iotctl.core.topic.IotNames;
import dev.iotctl.local.store.Page;
import dev.iotctl.local.store.Pages;
import dev.iotctl.local.store.Transaction;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Static thing groups: CreateThingGroup, DescribeThingGroup, UpdateThingGroup, DeleteThingGroup,
 * ListThingGroups, AddThingToThingGroup, RemoveThingFromThingGroup, ListThingsInThingGroup,
 * ListThingGroupsForThing.
 */
public final class ThingGroupRegistry {
  /** AWS: a hierarchy is at most seven levels deep. */
  static final int MAX_DEPTH = 7;

  /** AWS: a thing belongs to at most ten thing groups. */
  static final int MAX_GROUPS_PER_THING = 10;

  private final Context context;
  private final ThingRegistry things;

  ThingGroupRegistry(Context context, ThingRegistry things) {
    this.context = context;
    this.things = things;
  }

  /**
   * Creates a group under an optional parent; the same call repeated with the same parent,
   * description and attributes returns the existing group.
   */
  public ThingGroup create(
      String name,
      Optional<String> parentGroupName,
      Optional<String> description,
      Map<String, String> attributes) {
    IotNames.THING_GROUP_NAME.validate(name);
    Names.attributes(attributes);
    Names.groupAttributeCount(attributes);
    return context
        .db()
        .write(
            tx -> {
              Optional<ThingGroup> existing = find(tx, name);
              if (existing.isPresent()) {
                ThingGroup group = existing.get();
                if (group.parentGroupName().equals(parentGroupName)
                    && group.description().equals(description)
                    && group.attributes().equals(attributes)) {
                  return group;
                }
                throw Errors.alreadyExists(
                    "Thing Group "
                        + name
                        + " already exists in current account with different properties");
              }
              if (parentGroupName.isPresent()) {
                ThingGroup parent = require(tx, parentGroupName.get());
                if (parent.rootToParent().size() + 2 > MAX_DEPTH) {
                  throw Errors.invalid(
                      "A thing group hierarchy can be at most " + MAX_DEPTH + " levels deep.");
                }
              }
              tx.update(
                  "INSERT INTO thing_groups (name, group_id, parent_name, description, attributes,"
                      + " version, created_at) VALUES (?, ?, ?, ?, ?, 1, ?)",
                  name,
                  UUID.randomUUID().toString(),
                  parentGroupName.orElse(null),
                  description.orElse(null),
                  Json.write(new TreeMap<>(attributes)),
                  context.now());
              return find(tx, name).orElseThrow();
            });
  }

  /** The group, or ResourceNotFoundException. */
  public ThingGroup describe(String name) {
    return context.db().read(tx -> require(tx, name));
  }

  /** Updates description and/or attributes, checking {@code expectedVersion} when given. */
  public ThingGroup update(
      String name,
      Optional<String> description,
      Optional<AttributePayload> attributes,
      Long expectedVersion) {
    attributes.ifPresent(payload -> Names.attributes(payload.attributes()));
    return context
        .db()
        .write(
            tx -> {
              ThingGroup group = require(tx, name);
              if (expectedVersion != null && !Objects.equals(expectedVersion, group.version())) {
                throw Errors.versionConflict(
                    "The version for thing group "
                        + name
                        + " does not match the expected version.");
              }
              Map<String, String> newAttributes =
                  attributes
                      .map(payload -> ThingRegistry.apply(group.attributes(), payload))
                      .orElse(group.attributes());
              Names.groupAttributeCount(newAttributes);
              tx.update(
                  "UPDATE thing_groups SET description = ?, attributes = ?, version = version + 1"
                      + " WHERE name = ?",
                  description.or(group::description).orElse(null),
                  Json.write(newAttributes),
                  name);
              return find(tx, name).orElseThrow();
            });
  }

  /**
   * Deletes a group (its memberships and policy attachments go with it); deleting a missing group
   * succeeds. Refused while it has child groups.
   */
  public void delete(String name, Long expectedVersion) {
    context
        .db()
        .write(
            tx -> {
              Optional<ThingGroup> group = find(tx, name);
              if (group.isEmpty()) {
                return null;
              }
              if (expectedVersion != null
                  && !Objects.equals(expectedVersion, group.get().version())) {
                throw Errors.versionConflict(
                    "The version for thing group "
                        + name
                        + " does not match the expected version.");
              }
              if (tx.exists("SELECT 1 FROM thing_groups WHERE parent_name = ?", name)) {
                throw Errors.invalid(
                    "Cannot delete thing group " + name + " when it still has child groups.");
              }
              List<String> members =
                  tx.query(
                      "SELECT thing_name FROM thing_group_members WHERE group_name = ?",
                      row -> row.getString(1),
                      name);
              String arn = group.get().arn();
              boolean hadPolicies =
                  tx.update("DELETE FROM policy_targets WHERE target = ?", arn) > 0;
              tx.update("DELETE FROM thing_groups WHERE name = ?", name);
              tx.afterCommit(
                  () -> {
                    members.forEach(m -> context.listeners().fire(l -> l.thingChanged(m)));
                    if (hadPolicies) {
                      context.listeners().fire(l -> l.policyAttachmentChanged(arn));
                    }
                  });
              return null;
            });
  }

  /**
   * ListThingGroups: groups in name order. With a parent, its descendants ({@code recursive}) or
   * its direct children; without one, every group ({@code recursive}) or the root groups. "If true,
   * return child groups as well."
   */
  public Page<ThingGroup> list(
      Optional<String> parentGroup,
      Optional<String> namePrefix,
      boolean recursive,
      Integer maxResults,
      String nextToken) {
    int limit = Pages.limit(maxResults, 50, 250);
    String after = Pages.keyAfter(nextToken);
    List<ThingGroup> rows =
        context
            .db()
            .read(
                tx -> {
                  List<String> candidates;
                  if (parentGroup.isPresent()) {
                    require(tx, parentGroup.get());
                    candidates =
                        recursive
                            ? descendants(tx, parentGroup.get())
                            : tx.query(
                                "SELECT name FROM thing_groups WHERE parent_name = ?",
                                row -> row.getString(1),
                                parentGroup.get());
                  } else {
                    candidates =
                        tx.query(
                            "SELECT name FROM thing_groups"
                                + (recursive ? "" : " WHERE parent_name IS NULL"),
                            row -> row.getString(1));
                  }
                  List<ThingGroup> groups = new ArrayList<>();
                  for (String name :
                      candidates.stream()
                          .filter(n -> n.compareTo(after) > 0)
                          .filter(n -> namePrefix.map(n::startsWith).orElse(true))
                          .sorted()
                          .limit(limit + 1L)
                          .toList()) {
                    groups.add(find(tx, name).orElseThrow());
                  }
                  return groups;
                });
    return Pages.page(rows, limit, ThingGroup::name);
  }

  /**
   * Adds a thing to a group; adding it again is a no-op.
   *
   * @throws dev.iotctl.core.error.IotException InvalidRequestException when the thing is already in
   *     ten groups or in another group of the same hierarchy
   */
  public void addThing(String groupName, String thingName) {
    updateGroupsForThing(thingName, List.of(groupName), List.of());
  }

  /** Removes a thing from a group; removing a non-member is a no-op. */
  public void removeThing(String groupName, String thingName) {
    updateGroupsForThing(thingName, List.of(), List.of(groupName));
  }

  /**
   * UpdateThingGroupsForThing: removes the thing from {@code toRemove}, then adds it to {@code
   * toAdd}, all or nothing. The result must respect AWS's rules: at most ten groups, at most one
   * group per hierarchy ("you can't add a thing to two groups which share a common parent").
   *
   * @throws dev.iotctl.core.error.IotException ResourceNotFoundException for an unknown thing or
   *     group; InvalidRequestException when a rule would be broken
   */
  public void updateGroupsForThing(String thingName, List<String> toAdd, List<String> toRemove) {
    context
        .db()
        .write(
            tx -> {
              things.require(tx, thingName);
              for (String group : toRemove) {
                require(tx, group);
              }
              List<ThingGroup> adding = new ArrayList<>();
              for (String group : toAdd) {
                adding.add(require(tx, group));
              }
              boolean changed = false;
              for (String group : toRemove) {
                changed |=
                    tx.update(
                            "DELETE FROM thing_group_members WHERE group_name = ? AND thing_name = ?",
                            group,
                            thingName)
                        > 0;
              }
              for (ThingGroup group : adding) {
                changed |= add(tx, group, thingName);
              }
              if (changed) {
                tx.afterCommit(() -> context.listeners().fire(l -> l.thingChanged(thingName)));
              }
              return null;
            });
  }

  private boolean add(Transaction tx, ThingGroup group, String thingName) throws SQLException {
    List<String> current = groupNamesOf(tx, thingName);
    if (current.contains(group.name())) {
      return false;
    }
    if (current.size() >= MAX_GROUPS_PER_THING) {
      throw Errors.invalid(
          "Thing "
              + thingName
              + " cannot be added to more than "
              + MAX_GROUPS_PER_THING
              + " thing groups.");
    }
    String root = rootOf(group);
    for (String other : current) {
      if (rootOf(require(tx, other)).equals(root)) {
        throw Errors.invalid(
            "Thing "
                + thingName
                + " cannot be added to thing group "
                + group.name()
                + " because it already belongs to group "
                + other
                + " in the same hierarchy.");
      }
    }
    tx.update(
        "INSERT INTO thing_group_members (group_name, thing_name) VALUES (?, ?)",
        group.name(),
        thingName);
    return true;
  }

  /** Names of the things in the group (and its descendants when recursive), in name order. */
  public Page<String> listThings(
      String groupName, boolean recursive, Integer maxResults, String nextToken) {
    int limit = Pages.limit(maxResults, 25, 250);
    String after = Pages.keyAfter(nextToken);
    List<String> rows =
        context
            .db()
            .read(
                tx -> {
                  require(tx, groupName);
                  List<String> groups =
                      recursive ? descendantsAndSelf(tx, groupName) : List.of(groupName);
                  List<String> names = new ArrayList<>();
                  for (String group : groups) {
                    names.addAll(
                        tx.query(
                            "SELECT thing_name FROM thing_group_members"
                                + " WHERE group_name = ? AND thing_name > ?",
                            row -> row.getString(1),
                            group,
                            after));
                  }
                  return names.stream().distinct().sorted().limit(limit + 1L).toList();
                });
    return Pages.page(rows, limit, name -> name);
  }

  /** The groups a thing belongs to directly, in name order. */
  public Page<ThingGroup.GroupRef> listGroupsForThing(
      String thingName, Integer maxResults, String nextToken) {
    int limit = Pages.limit(maxResults, 25, 250);
    String after = Pages.keyAfter(nextToken);
    List<ThingGroup.GroupRef> rows =
        context
            .db()
            .read(
                tx -> {
                  things.require(tx, thingName);
                  return groupNamesOf(tx, thingName).stream()
                      .filter(name -> name.compareTo(after) > 0)
                      .limit(limit + 1L)
                      .map(name -> new ThingGroup.GroupRef(name, arn(name)))
                      .toList();
                });
    return Pages.page(rows, limit, ThingGroup.GroupRef::groupName);
  }

  /**
   * For each group the thing belongs to directly, that group and its ancestors up to the root,
   * nearest first; empty for a thing that does not exist or belongs to no group.
   */
  public List<List<String>> groupChainsOf(String thingName) {
    return context
        .db()
        .read(
            tx -> {
              List<List<String>> chains = new ArrayList<>();
              for (String group : groupNamesOf(tx, thingName)) {
                ThingGroup g = find(tx, group).orElseThrow();
                List<String> chain = new ArrayList<>();
                chain.add(g.name());
                List<ThingGroup.GroupRef> ancestors = new ArrayList<>(g.rootToParent());
                Collections.reverse(ancestors);
                ancestors.forEach(ref -> chain.add(ref.groupName()));
                chains.add(chain);
              }
              return chains;
            });
  }

  /** The groups of a thing and all their ancestors: whose policies apply to the thing. */
  List<String> groupsWithAncestors(Transaction tx, String thingName) throws SQLException {
    List<String> result = new ArrayList<>();
    for (String group : groupNamesOf(tx, thingName)) {
      ThingGroup g = find(tx, group).orElseThrow();
      result.add(g.name());
      g.rootToParent().forEach(ref -> result.add(ref.groupName()));
    }
    return result.stream().distinct().toList();
  }

  ThingGroup require(Transaction tx, String name) throws SQLException {
    return find(tx, name)
        .orElseThrow(() -> Errors.notFound("Thing Group " + name + " cannot be found."));
  }

  Optional<ThingGroup> find(Transaction tx, String name) throws SQLException {
    Optional<Row> row =
        tx.queryOne(
            "SELECT * FROM thing_groups WHERE name = ?",
            r ->
                new Row(
                    r.getString("name"),
                    r.getString("group_id"),
                    r.getString("parent_name"),
                    r.getString("description"),
                    r.getString("attributes"),
                    r.getLong("version"),
                    r.getLong("created_at")),
            name);
    if (row.isEmpty()) {
      return Optional.empty();
    }
    Row r = row.get();
    List<ThingGroup.GroupRef> ancestors = new ArrayList<>();
    for (String parent = r.parent(); parent != null; ) {
      ancestors.add(new ThingGroup.GroupRef(parent, arn(parent)));
      parent =
          tx.queryOne(
                  "SELECT parent_name FROM thing_groups WHERE name = ?",
                  p -> p.getString(1),
                  parent)
              .orElse(null);
    }
    Collections.reverse(ancestors);
    return Optional.of(
        new ThingGroup(
            r.name(),
            r.id(),
            arn(r.name()),
            Optional.ofNullable(r.parent()),
            ancestors,
            Optional.ofNullable(r.description()),
            Json.readMap(r.attributes()),
            r.version(),
            Instant.ofEpochMilli(r.createdAt())));
  }

  String arn(String groupName) {
    return context.config().arn("thinggroup", groupName);
  }

  private List<String> groupNamesOf(Transaction tx, String thingName) throws SQLException {
    return tx.query(
        "SELECT group_name FROM thing_group_members WHERE thing_name = ? ORDER BY group_name",
        row -> row.getString(1),
        thingName);
  }

  private List<String> descendants(Transaction tx, String groupName) throws SQLException {
    List<String> all = descendantsAndSelf(tx, groupName);
    return all.subList(1, all.size());
  }

  private List<String> descendantsAndSelf(Transaction tx, String groupName) throws SQLException {
    return tx.query(
        "WITH RECURSIVE tree(name) AS (SELECT ? UNION ALL"
            + " SELECT g.name FROM thing_groups g JOIN tree t ON g.parent_name = t.name)"
            + " SELECT name FROM tree",
        row -> row.getString(1),
        groupName);
  }

  private static String rootOf(ThingGroup group) {
    return group.rootToParent().isEmpty() ? group.name() : group.rootToParent().get(0).groupName();
  }

  private record Row(
      String name,
      String id,
      String parent,
      String description,
      String attributes,
      long version,
      long createdAt) {}
}
