package dev.iotctl.local.registry;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Shadow documents as opaque JSON text per (thing name, shadow name); the classic (unnamed) shadow
 * has the name {@code ""}. Shadows need no registered thing, as on AWS. The shadow engine owns
 * their content and versions.
 */
public final class ShadowStore {
  /** The name under which the classic shadow is stored. */
  public static final String CLASSIC = "";

  private final Context context;

  ShadowStore(Context context) {
    this.context = context;
  }

  /** The stored document, if the shadow exists. */
  public Optional<String> loadShadow(String thingName, String shadowName) {
    return context
        .db()
        .read(
            tx ->
                tx.queryOne(
                    "SELECT document FROM shadows WHERE thing_name = ? AND shadow_name = ?",
                    row -> row.getString(1),
                    thingName,
                    shadowName));
  }

  /** Stores (creates or replaces) the shadow's document. */
  public void saveShadow(String thingName, String shadowName, String document) {
    context
        .db()
        .write(
            tx ->
                tx.update(
                    "INSERT INTO shadows (thing_name, shadow_name, document) VALUES (?, ?, ?)"
                        + " ON CONFLICT (thing_name, shadow_name)"
                        + " DO UPDATE SET document = excluded.document",
                    thingName,
                    shadowName,
                    document));
  }

  /** Deletes the shadow; returns whether it existed. */
  public boolean deleteShadow(String thingName, String shadowName) {
    return context
            .db()
            .write(
                tx ->
                    tx.update(
                        "DELETE FROM shadows WHERE thing_name = ? AND shadow_name = ?",
                        thingName,
                        shadowName))
        > 0;
  }

  /**
   * Reads, transforms and writes the shadow in one transaction, so concurrent updates of the same
   * shadow cannot interleave. The function gets the current document (empty when absent) and
   * returns the new one, or empty to delete the shadow; if it throws, nothing changes.
   *
   * @return what the function returned
   */
  public Optional<String> updateShadow(
      String thingName, String shadowName, UnaryOperator<Optional<String>> change) {
    return context
        .db()
        .write(
            tx -> {
              Optional<String> current =
                  tx.queryOne(
                      "SELECT document FROM shadows WHERE thing_name = ? AND shadow_name = ?",
                      row -> row.getString(1),
                      thingName,
                      shadowName);
              Optional<String> next = change.apply(current);
              if (next.isPresent()) {
                tx.update(
                    "INSERT INTO shadows (thing_name, shadow_name, document) VALUES (?, ?, ?)"
                        + " ON CONFLICT (thing_name, shadow_name)"
                        + " DO UPDATE SET document = excluded.document",
                    thingName,
                    shadowName,
                    next.get());
              } else if (current.isPresent()) {
                tx.update(
                    "DELETE FROM shadows WHERE thing_name = ? AND shadow_name = ?",
                    thingName,
                    shadowName);
              }
              return next;
            });
  }

  /** The names of the thing's named shadows (not the classic one), in order. */
  public List<String> listShadowNames(String thingName) {
    return context
        .db()
        .read(
            tx ->
                tx.query(
                    "SELECT shadow_name FROM shadows WHERE thing_name = ? AND shadow_name <> ''"
                        + " ORDER BY shadow_name",
                    row -> row.getString(1),
                    thingName));
  }
}
