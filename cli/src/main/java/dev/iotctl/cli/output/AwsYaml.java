package dev.iotctl.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code --output yaml} as the AWS CLI prints it: block style, keys sorted, list items at their
 * key's indentation, a lone scalar as JSON, and nothing for an empty object.
 */
final class AwsYaml {
  private AwsYaml() {}

  static String render(JsonNode node) {
    if (node.isObject() && node.isEmpty()) {
      return "";
    }
    if (!node.isContainerNode()) {
      return node.toString() + "\n";
    }
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndent(2);
    options.setIndicatorIndent(0);
    options.setAllowUnicode(true);
    return new Yaml(options).dump(plain(node));
  }

  private static Object plain(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> sorted = new TreeMap<>();
      node.properties().forEach(e -> sorted.put(e.getKey(), plain(e.getValue())));
      return new LinkedHashMap<>(sorted);
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      node.forEach(e -> list.add(plain(e)));
      return list;
    }
    if (node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isIntegralNumber()) {
      return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    return node.asText();
  }
}
