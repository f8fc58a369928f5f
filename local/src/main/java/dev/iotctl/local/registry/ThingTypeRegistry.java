package dev.iotctl.local.registry;

import dev.iotctl.core.topic.IotNames;
import dev.iotctl.local.store.Page;
import dev.iotctl.local.store.Pages;
import dev.iotctl.local.store.Transaction;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** CreateThingType, DescribeThingType, ListThingTypes, DeprecateThingType, DeleteThingType. */
public final class ThingTypeRegistry {
  /** AWS lets a deprecated thing type be deleted only after five minutes. */
  static final Duration DELETE_AFTER_DEPRECATION = Duration.ofMinutes(5);

  private static final int MAX_SEARCHABLE_ATTRIBUTES = 3;
  private final Context context;

  ThingTypeRegistry(Context context) {
    this.context = context;
  }

  /**
   * Creates a thing type.
   *
   * @throws dev.iotctl.core.error.IotException ResourceAlreadyExistsException when it exists
   */
  public ThingType create(
      String name, Optional<String> description, List<String> searchableAttributes) {
    IotNames.THING_TYPE_NAME.validate(name);
    if (searchableAttributes.size() > MAX_SEARCHABLE_ATTRIBUTES) {
      throw Errors.invalid(
          "A thing type can have at most " + MAX_SEARCHABLE_ATTRIBUTES + " searchable attributes");
    }
    return context
        .db()
        .write(
            tx -> {
              if (find(tx, name).isPresent()) {
                throw Errors.alreadyExists("Thing type " + name + " already exists.");
              }
              tx.update(
                  "INSERT INTO thing_types (name, type_id, description, searchable_attributes,"
                      + " created_at) VALUES (?, ?, ?, ?, ?)",
                  name,
                  UUID.randomUUID().toString(),
                  description.orElse(null),
                  Json.write(searchableAttributes),
                  context.now());
              return find(tx, name).orElseThrow();
            });
  }

  /** The thing type, or ResourceNotFoundException. */
  public ThingType describe(String name) {
    return context.db().read(tx -> require(tx, name));
  }

  /** Thing types in name order, optionally only the one named. */
  public Page<ThingType> list(
      Optional<String> thingTypeName, Integer maxResults, String nextToken) {
    int limit = Pages.limit(maxResults, 50, 250);
    String after = Pages.keyAfter(nextToken);
    List<ThingType> rows =
        context
            .db()
            .read(
                tx ->
                    tx.query(
                        "SELECT * FROM thing_types WHERE name > ? AND (? IS NULL OR name = ?)"
                            + " ORDER BY name LIMIT ?",
                        this::map,
                        after,
                        thingTypeName.orElse(null),
                        thingTypeName.orElse(null),
                        limit + 1));
    return Pages.page(rows, limit, ThingType::name);
  }

  /** Deprecates the type ({@code undo} reverts it): no new thing can then be given this type. */
  public void deprecate(String name, boolean undo) {
    context
        .db()
        .write(
            tx -> {
              require(tx, name);
              tx.update(
                  "UPDATE thing_types SET deprecated = ?, deprecated_at = ? WHERE name = ?",
                  undo ? 0 : 1,
                  undo ? null : context.now(),
                  name);
              return null;
            });
  }

  /**
   * Deletes a thing type that has been deprecated for at least five minutes and that no thing uses.
   */
  public void delete(String name) {
    context
        .db()
        .write(
            tx -> {
              ThingType type = require(tx, name);
              Instant now = Instant.ofEpochMilli(context.now());
              boolean longEnough =
                  type.deprecated()
                      && type.deprecationDate()
                          .map(at -> !at.plus(DELETE_AFTER_DEPRECATION).isAfter(now))
                          .orElse(false);
              if (!longEnough) {
                throw Errors.invalid(
                    "Thing type "
                        + name
                        + " must be deprecated for at least 5 minutes before it can be deleted.");
              }
              if (tx.exists("SELECT 1 FROM things WHERE type_name = ?", name)) {
                throw Errors.invalid(
                    "Can not delete thing type " + name + " as it is associated with things.");
              }
              tx.update("DELETE FROM thing_types WHERE name = ?", name);
              return null;
            });
  }

  ThingType require(Transaction tx, String name) throws SQLException {
    return find(tx, name)
        .orElseThrow(() -> Errors.notFound("Thing type " + name + " cannot be found."));
  }

  Optional<ThingType> find(Transaction tx, String name) throws SQLException {
    return tx.queryOne("SELECT * FROM thing_types WHERE name = ?", this::map, name);
  }

  private ThingType map(ResultSet row) throws SQLException {
    long deprecatedAt = row.getLong("deprecated_at");
    boolean hasDeprecationDate = !row.wasNull();
    return new ThingType(
        row.getString("name"),
        row.getString("type_id"),
        context.config().arn("thingtype", row.getString("name")),
        Optional.ofNullable(row.getString("description")),
        Json.readList(row.getString("searchable_attributes")),
        row.getInt("deprecated") == 1,
        hasDeprecationDate ? Optional.of(Instant.ofEpochMilli(deprecatedAt)) : Optional.empty(),
        Instant.ofEpochMilli(row.getLong("created_at")));
  }
}
