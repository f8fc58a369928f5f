package dev.iotctl.local.registry;

import dev.iotctl.local.store.Page;
import dev.iotctl.local.store.Pages;
import dev.iotctl.local.store.Transaction;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Thing ↔ principal links: AttachThingPrincipal, DetachThingPrincipal, ListThingPrincipals,
 * ListPrincipalThings.
 */
public final class ThingPrincipalRegistry {
  private final Context context;
  private final ThingRegistry things;
  private final CertificateRegistry certificates;

  ThingPrincipalRegistry(Context context, ThingRegistry things, CertificateRegistry certificates) {
    this.context = context;
    this.things = things;
    this.certificates = certificates;
  }

  /**
   * Attaches a principal (a certificate ARN, which must be registered, or another principal id) to
   * a thing; attaching it again is a no-op.
   *
   * @throws dev.iotctl.core.error.IotException InvalidRequestException when an exclusive attachment
   *     conflicts with another thing
   */
  public void attach(String thingName, String principal, ThingPrincipalType type) {
    context
        .db()
        .write(
            tx -> {
              things.require(tx, thingName);
              requirePrincipal(tx, principal);
              List<String> others =
                  tx.query(
                      "SELECT thing_name FROM thing_principals WHERE principal = ?"
                          + " AND thing_name <> ?",
                      row -> row.getString(1),
                      principal,
                      thingName);
              boolean othersExclusive =
                  tx.exists(
                      "SELECT 1 FROM thing_principals WHERE principal = ? AND thing_name <> ?"
                          + " AND principal_type = ?",
                      principal,
                      thingName,
                      ThingPrincipalType.EXCLUSIVE_THING.name());
              if (othersExclusive
                  || (type == ThingPrincipalType.EXCLUSIVE_THING && !others.isEmpty())) {
                throw Errors.invalid(
                    "Principal "
                        + principal
                        + " is attached to another thing with an exclusive attachment.");
              }
              int changed =
                  tx.update(
                      "INSERT INTO thing_principals (thing_name, principal, principal_type)"
                          + " VALUES (?, ?, ?) ON CONFLICT (thing_name, principal)"
                          + " DO UPDATE SET principal_type = excluded.principal_type",
                      thingName,
                      principal,
                      type.name());
              if (changed > 0) {
                tx.afterCommit(
                    () ->
                        context
                            .listeners()
                            .fire(l -> l.thingPrincipalChanged(thingName, principal)));
              }
              return null;
            });
  }

  /** Detaches a principal from a thing; detaching one that is not attached is a no-op. */
  public void detach(String thingName, String principal) {
    context
        .db()
        .write(
            tx -> {
              things.require(tx, thingName);
              if (tx.update(
                      "DELETE FROM thing_principals WHERE thing_name = ? AND principal = ?",
                      thingName,
                      principal)
                  > 0) {
                tx.afterCommit(
                    () ->
                        context
                            .listeners()
                            .fire(l -> l.thingPrincipalChanged(thingName, principal)));
              }
              return null;
            });
  }

  /** The principals attached to a thing, in order. */
  public Page<String> listThingPrincipals(String thingName, Integer maxResults, String nextToken) {
    int limit = Pages.limit(maxResults, 25, 250);
    String after = Pages.keyAfter(nextToken);
    List<String> rows =
        context
            .db()
            .read(
                tx -> {
                  things.require(tx, thingName);
                  return tx.query(
                      "SELECT principal FROM thing_principals WHERE thing_name = ?"
                          + " AND principal > ? ORDER BY principal LIMIT ?",
                      row -> row.getString(1),
                      thingName,
                      after,
                      limit + 1);
                });
    return Pages.page(rows, limit, principal -> principal);
  }

  /** The names of the things a principal is attached to, in order. */
  public Page<String> listPrincipalThings(String principal, Integer maxResults, String nextToken) {
    int limit = Pages.limit(maxResults, 25, 250);
    String after = Pages.keyAfter(nextToken);
    List<String> rows =
        context
            .db()
            .read(
                tx -> {
                  requirePrincipal(tx, principal);
                  return tx.query(
                      "SELECT thing_name FROM thing_principals WHERE principal = ?"
                          + " AND thing_name > ? ORDER BY thing_name LIMIT ?",
                      row -> row.getString(1),
                      principal,
                      after,
                      limit + 1);
                });
    return Pages.page(rows, limit, name -> name);
  }

  /**
   * ListThingPrincipalsV2: the thing's principals with their attachment type, in principal order,
   * optionally only those of {@code type}.
   */
  public Page<ThingPrincipal> listThingPrincipalsV2(
      String thingName, Optional<ThingPrincipalType> type, Integer maxResults, String nextToken) {
    int limit = Pages.limit(maxResults, 25, 250);
    String after = Pages.keyAfter(nextToken);
    List<ThingPrincipal> rows =
        context
            .db()
            .read(
                tx -> {
                  things.require(tx, thingName);
                  return tx.query(
                      "SELECT * FROM thing_principals WHERE thing_name = ? AND principal > ?"
                          + " AND (? IS NULL OR principal_type = ?) ORDER BY principal LIMIT ?",
                      ThingPrincipalRegistry::map,
                      thingName,
                      after,
                      type.map(Enum::name).orElse(null),
                      type.map(Enum::name).orElse(null),
                      limit + 1);
                });
    return Pages.page(rows, limit, ThingPrincipal::principal);
  }

  /**
   * ListPrincipalThingsV2: the things a principal is attached to with the attachment type, in
   * thing-name order, optionally only those of {@code type}.
   */
  public Page<ThingPrincipal> listPrincipalThingsV2(
      String principal, Optional<ThingPrincipalType> type, Integer maxResults, String nextToken) {
    int limit = Pages.limit(maxResults, 25, 250);
    String after = Pages.keyAfter(nextToken);
    List<ThingPrincipal> rows =
        context
            .db()
            .read(
                tx -> {
                  requirePrincipal(tx, principal);
                  return tx.query(
                      "SELECT * FROM thing_principals WHERE principal = ? AND thing_name > ?"
                          + " AND (? IS NULL OR principal_type = ?) ORDER BY thing_name LIMIT ?",
                      ThingPrincipalRegistry::map,
                      principal,
                      after,
                      type.map(Enum::name).orElse(null),
                      type.map(Enum::name).orElse(null),
                      limit + 1);
                });
    return Pages.page(rows, limit, ThingPrincipal::thingName);
  }

  private static ThingPrincipal map(ResultSet row) throws SQLException {
    return new ThingPrincipal(
        row.getString("thing_name"),
        row.getString("principal"),
        ThingPrincipalType.valueOf(row.getString("principal_type")));
  }

  private void requirePrincipal(Transaction tx, String principal) throws SQLException {
    if (principal == null || principal.isEmpty()) {
      throw Errors.invalid("principal is required.");
    }
    var id = certificates.idFromArn(principal);
    if (id.isPresent()) {
      certificates.require(tx, id.get());
    } else if (principal.startsWith("arn:aws:iot:")) {
      throw Errors.notFound("The principal " + principal + " does not exist.");
    }
  }
}
