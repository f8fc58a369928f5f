package dev.iotctl.core.provisioning;

import java.util.Locale;

/**
 * What to do with a property of a resource that already exists ({@code OverrideSettings}). {@code
 * MERGE} is valid only for a thing's attributes and groups.
 */
public enum OverrideAction {
  DO_NOTHING,
  REPLACE,
  FAIL,
  MERGE;

  static OverrideAction parse(String value, String where) {
    try {
      return valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw TemplateErrors.invalid(
          where + ": override setting must be DO_NOTHING, REPLACE, FAIL or MERGE, got " + value);
    }
  }
}
