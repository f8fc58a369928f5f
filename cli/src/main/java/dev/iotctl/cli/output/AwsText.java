package dev.iotctl.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code --output text} exactly as the AWS CLI renders it: an object's scalars on one line,
 * tab-separated, sorted by key (in a list of objects, the union of the keys, '' for a missing one);
 * each nested list or object after it, its lines prefixed with its key in upper case.
 */
final class AwsText {
  private AwsText() {}

  static String render(JsonNode node) {
    StringBuilder out = new StringBuilder();
    format(node, null, null, out);
    return out.toString();
  }

  private static void format(
      JsonNode item, String identifier, List<String> keys, StringBuilder out) {
    if (item.isObject()) {
      formatObject(item, identifier, keys, out);
    } else if (item.isArray()) {
      formatList(item, identifier, out);
    } else {
      out.append(Scalars.text(item)).append('\n');
    }
  }

  private static void formatList(JsonNode list, String identifier, StringBuilder out) {
    if (list.isEmpty()) {
      return;
    }
    List<JsonNode> elements = new ArrayList<>();
    list.forEach(elements::add);
    if (elements.stream().anyMatch(JsonNode::isObject)) {
      List<String> keys = scalarKeys(elements);
      for (JsonNode element : elements) {
        format(element, identifier, keys, out);
      }
    } else if (elements.stream().anyMatch(JsonNode::isArray)) {
      List<JsonNode> scalars = elements.stream().filter(e -> !e.isContainerNode()).toList();
      if (!scalars.isEmpty()) {
        formatScalars(scalars, identifier, out);
      }
      for (JsonNode element : elements) {
        if (element.isContainerNode()) {
          format(element, identifier, null, out);
        }
      }
    } else {
      formatScalars(elements, identifier, out);
    }
  }

  private static void formatScalars(List<JsonNode> elements, String identifier, StringBuilder out) {
    if (identifier != null) {
      for (JsonNode element : elements) {
        out.append(identifier.toUpperCase(Locale.ROOT))
            .append('\t')
            .append(Scalars.text(element))
            .append('\n');
      }
    } else {
      out.append(String.join("\t", elements.stream().map(Scalars::text).toList())).append('\n');
    }
  }

  private static void formatObject(
      JsonNode object, String identifier, List<String> keys, StringBuilder out) {
    List<String> scalars = new ArrayList<>();
    Map<String, JsonNode> nonScalars = new TreeMap<>();
    if (keys == null) {
      TreeMap<String, JsonNode> sorted = new TreeMap<>();
      object.properties().forEach(e -> sorted.put(e.getKey(), e.getValue()));
      sorted.forEach(
          (key, value) -> {
            if (value.isContainerNode()) {
              nonScalars.put(key, value);
            } else {
              scalars.add(Scalars.text(value));
            }
          });
    } else {
      for (String key : keys) {
        JsonNode value = object.get(key);
        scalars.add(value == null ? "" : Scalars.text(value));
      }
      object
          .properties()
          .forEach(
              e -> {
                if (!keys.contains(e.getKey())) {
                  nonScalars.put(e.getKey(), e.getValue());
                }
              });
    }
    if (!scalars.isEmpty()) {
      if (identifier != null) {
        scalars.add(0, identifier.toUpperCase(Locale.ROOT));
      }
      out.append(String.join("\t", scalars)).append('\n');
    }
    nonScalars.forEach((key, value) -> format(value, key, null, out));
  }

  /** The keys with a scalar value in any of the objects, sorted. */
  private static List<String> scalarKeys(List<JsonNode> elements) {
    TreeSet<String> keys = new TreeSet<>();
    for (JsonNode element : elements) {
      if (element.isObject()) {
        element
            .properties()
            .forEach(
                e -> {
                  if (!e.getValue().isContainerNode()) {
                    keys.add(e.getKey());
                  }
                });
      }
    }
    return List.copyOf(keys);
  }
}
