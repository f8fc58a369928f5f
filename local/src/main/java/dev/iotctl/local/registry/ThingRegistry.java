package dev.iotctl.local.registry;

import dev.iotctl.core.topic.IotNames;
import dev.iotctl.local.store.Page;
import dev.iotctl.local.store.Pages;
import dev.iotctl.local.store.Transaction;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/** CreateThing, DescribeThing, UpdateThing, DeleteThing, ListThings. */
public final class ThingRegistry {
  private final Context context;
  private final ThingTypeRegistry types;

  ThingRegistry(Context context, ThingTypeRegistry types) {
    this.context = context;
    this.types = types;
  }

  /**
   * Creates a thing, or returns the existing one when it already exists with the same type and
   * attributes (AWS's CreateThing is idempotent in that case).
   *
   * @throws dev.iotctl.core.error.IotException ResourceAlreadyExistsException when it exists with a
   *     different type or attributes; ResourceNotFoundException for an unknown type;
   *     InvalidRequestException for a deprecated type or invalid names
   */
  public Thing create(String name, Optional<String> typeName, Map<String, String> attributes) {
    IotNames.THING_NAME.validate(name);
    Names.attributes(attributes);
    Names.thingAttributeCount(attributes, typeName.isPresent());
    return context
        .db()
        .write(
            tx -> {
              Optional<Thing> existing = find(tx, name);
              if (existing.isPresent()) {
                Thing thing = existing.get();
                if (thing.typeName().equals(typeName) && thing.attributes().equals(attributes)) {
                  return thing;
                }
                throw Errors.alreadyExists(
                    "Thing " + name + " already exists in account with different attributes");
              }
              if (typeName.isPresent()) {
                requireUsableType(tx, typeName.get(), "create a new thing");
              }
              tx.update(
                  "INSERT INTO things (name, thing_id, type_name, attributes, version, created_at)"
                      + " VALUES (?, ?, ?, ?, 1, ?)",
                  name,
                  UUID.randomUUID().toString(),
                  typeName.orElse(null),
                  Json.write(new TreeMap<>(attributes)),
                  context.now());
              return find(tx, name).orElseThrow();
            });
  }

  /** The thing, or ResourceNotFoundException. */
  public Thing describe(String name) {
    return context.db().read(tx -> require(tx, name));
  }

  /**
   * Applies an UpdateThing: changes the type and/or attributes and increments the version.
   *
   * @throws dev.iotctl.core.error.IotException VersionConflictException when {@code
   *     expectedVersion} is not the current version
   */
  public Thing update(String name, ThingUpdate update) {
    if (update.removeThingType() && update.thingTypeName().isPresent()) {
      throw Errors.invalid("Cannot specify both thingTypeName and removeThingType.");
    }
    update.attributes().ifPresent(payload -> Names.attributes(payload.attributes()));
    return context
        .db()
        .write(
            tx -> {
              Thing thing = require(tx, name);
              checkVersion(thing, update.expectedVersion());
              Optional<String> type = thing.typeName();
              if (update.removeThingType()) {
                type = Optional.empty();
              } else if (update.thingTypeName().isPresent()
                  && !update.thingTypeName().equals(type)) {
                requireUsableType(tx, update.thingTypeName().get(), "update a thing");
                type = update.thingTypeName();
              }
              Map<String, String> attributes =
                  update
                      .attributes()
                      .map(payload -> apply(thing.attributes(), payload))
                      .orElse(thing.attributes());
              Names.thingAttributeCount(attributes, type.isPresent());
              tx.update(
                  "UPDATE things SET type_name = ?, attributes = ?, version = version + 1"
                      + " WHERE name = ?",
                  type.orElse(null),
                  Json.write(attributes),
                  name);
              tx.afterCommit(() -> context.listeners().fire(l -> l.thingChanged(name)));
              return find(tx, name).orElseThrow();
            });
  }

  /**
   * Deletes a thing; deleting a thing that does not exist succeeds (as on AWS).
   *
   * @throws dev.iotctl.core.error.IotException VersionConflictException on a version mismatch;
   *     InvalidRequestException while principals are attached to it
   */
  public void delete(String name, Long expectedVersion) {
    context
        .db()
        .write(
            tx -> {
              Optional<Thing> thing = find(tx, name);
              if (thing.isEmpty()) {
                return null;
              }
              checkVersion(thing.get(), expectedVersion);
              if (tx.exists("SELECT 1 FROM thing_principals WHERE thing_name = ?", name)) {
                throw Errors.invalid(
                    "Cannot delete. Thing "
                        + name
                        + " is still attached to one or more principals");
              }
              tx.update("DELETE FROM things WHERE name = ?", name);
              tx.afterCommit(() -> context.listeners().fire(l -> l.thingChanged(name)));
              return null;
            });
  }

  /** Things in name order, filtered as ListThings filters. */
  public Page<Thing> list(ThingFilter filter, Integer maxResults, String nextToken) {
    if (filter.attributeValue().isPresent() && filter.attributeName().isEmpty()) {
      throw Errors.invalid("attributeValue requires attributeName.");
    }
    int limit = Pages.limit(maxResults, 50, 250);
    String after = Pages.keyAfter(nextToken);
    String attributeName = filter.attributeName().orElse(null);
    String value = filter.attributeValue().orElse(null);
    String pattern =
        value == null ? null : escapeLike(value) + (filter.usePrefixAttributeValue() ? "%" : "");
    List<Thing> rows =
        context
            .db()
            .read(
                tx ->
                    tx.query(
                        "SELECT * FROM things WHERE name > ?"
                            + " AND (? IS NULL OR type_name = ?)"
                            + " AND (? IS NULL OR json_extract(attributes, '$.\"' || ? || '\"')"
                            + " IS NOT NULL)"
                            + " AND (? IS NULL OR json_extract(attributes, '$.\"' || ? || '\"')"
                            + " LIKE ? ESCAPE '\\')"
                            + " ORDER BY name LIMIT ?",
                        this::map,
                        after,
                        filter.thingTypeName().orElse(null),
                        filter.thingTypeName().orElse(null),
                        attributeName,
                        attributeName,
                        pattern,
                        attributeName,
                        pattern,
                        limit + 1));
    return Pages.page(rows, limit, Thing::name);
  }

  Thing require(Transaction tx, String name) throws SQLException {
    return find(tx, name).orElseThrow(() -> Errors.notFound("Thing " + name + " cannot be found."));
  }

  Optional<Thing> find(Transaction tx, String name) throws SQLException {
    return tx.queryOne("SELECT * FROM things WHERE name = ?", this::map, name);
  }

  Thing map(ResultSet row) throws SQLException {
    return new Thing(
        row.getString("name"),
        row.getString("thing_id"),
        context.config().arn("thing", row.getString("name")),
        Optional.ofNullable(row.getString("type_name")),
        Json.readMap(row.getString("attributes")),
        row.getLong("version"),
        Instant.ofEpochMilli(row.getLong("created_at")));
  }

  /** "You can deprecate a thing type at any time to prevent new things from being associated." */
  private void requireUsableType(Transaction tx, String typeName, String action)
      throws SQLException {
    ThingType type = types.require(tx, typeName);
    if (type.deprecated()) {
      throw Errors.invalid("Can not " + action + " with deprecated thing type " + typeName + ".");
    }
  }

  private static void checkVersion(Thing thing, Long expectedVersion) {
    if (expectedVersion != null && !Objects.equals(expectedVersion, thing.version())) {
      throw Errors.versionConflict(
          "The version for thing " + thing.name() + " does not match the expected version.");
    }
  }

  /** AWS's attribute merge: with merge, empty values remove; without, the payload replaces all. */
  static Map<String, String> apply(Map<String, String> current, AttributePayload payload) {
    if (!payload.merge()) {
      return new TreeMap<>(payload.attributes());
    }
    Map<String, String> merged = new TreeMap<>(current);
    payload
        .attributes()
        .forEach(
            (key, value) -> {
              if (value.isEmpty()) {
                merged.remove(key);
              } else {
                merged.put(key, value);
              }
            });
    return merged;
  }

  private static String escapeLike(String value) {
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
