package dev.iotctl.cdk.fleet;

import java.util.List;
import java.util.Map;

/**
 * Checks used by the fleet-file records; their messages become part of a {@link
 * FleetFileException}.
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

  static <V> Map<String, V> map(Map<String, V> value) {
    return value == null ? Map.of() : Map.copyOf(value);
  }
}
