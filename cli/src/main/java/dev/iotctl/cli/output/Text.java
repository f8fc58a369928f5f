package dev.iotctl.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/** Flattens JSON into {@code path = value} lines for people. */
public final class Text {
  private Text() {}

  public static String render(JsonNode node) {
    if (node.isValueNode()) {
      return node.asText();
    }
    StringBuilder sb = new StringBuilder();
    flatten("", node, sb);
    return sb.toString().stripTrailing();
  }

  private static void flatten(String path, JsonNode node, StringBuilder sb) {
    if (node.isObject() && node.size() > 0) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> e = fields.next();
        flatten(path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue(), sb);
      }
    } else if (node.isArray() && node.size() > 0 && !allValues(node)) {
      for (int i = 0; i < node.size(); i++) {
        flatten(path + "[" + i + "]", node.get(i), sb);
      }
    } else {
      sb.append(path.isEmpty() ? "" : path + " = ")
          .append(node.isTextual() ? node.asText() : node.toString())
          .append('\n');
    }
  }

  private static boolean allValues(JsonNode array) {
    for (JsonNode n : array) {
      if (!n.isValueNode()) {
        return false;
      }
    }
    return true;
  }
}
