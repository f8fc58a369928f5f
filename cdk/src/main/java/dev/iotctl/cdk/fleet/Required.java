package dev.iotctl.cdk.fleet;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks used by the fleet-file records; their messages become part of a {@link
 * FleetFileException}. Copies keep declaration order, so two synths of one fleet are identical.
 */
final class Required {
  private Required() {}

  static <T> T present(T value, String key) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      throw new IllegalArgumentException("missing required key '" + key + "'");
    }
    return value;
  }

  static <T> List<T> list(List<T> value) {
    return value == null ? List.of() : List.copyOf(value);
  }

  /** An unmodifiable copy in declaration order (unlike {@code Map.copyOf}); no null values. */
  static <V> Map<String, V> map(Map<String, V> value) {
    if (value == null) {
      return Map.of();
    }
    value.forEach(
        (k, v) -> {
          if (v == null) {
            throw new IllegalArgumentException("key '" + k + "' has no value");
          }
        });
    return Collections.unmodifiableMap(new LinkedHashMap<>(value));
  }
}
