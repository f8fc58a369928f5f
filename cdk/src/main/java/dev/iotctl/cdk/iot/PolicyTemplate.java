package dev.iotctl.cdk.iot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awscdk.Fn;

/**
 * An IoT policy document as written in {@code policies/*.json}: CloudFormation pseudo parameters
 * ({@code ${AWS::Region}}, {@code ${AWS::AccountId}}, {@code ${AWS::Partition}}, {@code
 * ${AWS::URLSuffix}}) are filled in at deploy time through {@code Fn::Sub}, while IoT policy
 * variables such as {@code ${iot:Connection.Thing.ThingName}} stay literal (escaped as {@code
 * ${!…}} inside a Sub, so CloudFormation hands them to IoT unchanged).
 */
public final class PolicyTemplate {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]*)}");
  private static final Map<String, String> LINT_VALUES =
      Map.of(
          "AWS::Region", "us-east-1",
          "AWS::AccountId", "123456789012",
          "AWS::Partition", "aws",
          "AWS::URLSuffix", "amazonaws.com");

  private final JsonNode document;

  private PolicyTemplate(JsonNode document) {
    this.document = document;
  }

  /** Parses a document; rejects text that is not a JSON object or names unknown pseudo params. */
  public static PolicyTemplate parse(String json) {
    JsonNode node;
    try {
      node = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("the policy document must be a JSON object");
    }
    Set<String> unknown = new TreeSet<>();
    collectStrings(
        node,
        s -> variables(s).stream().filter(PolicyTemplate::isUnknownPseudo).forEach(unknown::add));
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "unknown CloudFormation pseudo parameter(s) "
              + unknown
              + "; supported: "
              + new TreeSet<>(LINT_VALUES.keySet()));
    }
    return new PolicyTemplate(node);
  }

  /** The document for {@code CfnPolicy.policyDocument}: plain values, Fn::Sub where needed. */
  public Object toCloudFormation() {
    return convert(document);
  }

  /**
   * The document as IoT would see it in a sample account (us-east-1, 123456789012), for linting.
   */
  public String toLintJson() {
    JsonNode copy = document.deepCopy();
    substitute(copy);
    return copy.toString();
  }

  private static Object convert(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> out = new LinkedHashMap<>();
      node.properties().forEach(e -> out.put(e.getKey(), convert(e.getValue())));
      return out;
    }
    if (node.isArray()) {
      List<Object> out = new ArrayList<>();
      node.forEach(n -> out.add(convert(n)));
      return out;
    }
    if (node.isTextual()) {
      return sub(node.asText());
    }
    if (node.isBoolean()) {
      return node.asBoolean();
    }
    if (node.isNumber()) {
      return node.numberValue();
    }
    return null;
  }

  /** A literal, or an Fn::Sub when the string names a pseudo parameter. */
  private static String sub(String text) {
    if (variables(text).stream().noneMatch(v -> v.startsWith("AWS::"))) {
      return text;
    }
    Matcher m = VARIABLE.matcher(text);
    StringBuilder escaped = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      String replacement = name.startsWith("AWS::") ? m.group() : "${!" + name + "}";
      m.appendReplacement(escaped, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(escaped);
    return Fn.sub(escaped.toString());
  }

  private static void substitute(JsonNode node) {
    if (node instanceof ObjectNode object) {
      List<String> keys = new ArrayList<>();
      object.fieldNames().forEachRemaining(keys::add);
      for (String key : keys) {
        JsonNode value = object.get(key);
        if (value.isTextual()) {
          object.set(key, new TextNode(fill(value.asText())));
        } else {
          substitute(value);
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        JsonNode value = node.get(i);
        if (value.isTextual()) {
          ((ArrayNode) node).set(i, new TextNode(fill(value.asText())));
        } else {
          substitute(value);
        }
      }
    }
  }

  private static String fill(String text) {
    Matcher m = VARIABLE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = LINT_VALUES.getOrDefault(m.group(1), m.group());
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static boolean isUnknownPseudo(String variable) {
    return variable.startsWith("AWS::") && !LINT_VALUES.containsKey(variable);
  }

  private static List<String> variables(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = VARIABLE.matcher(text);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  private static void collectStrings(JsonNode node, Consumer<String> sink) {
    if (node.isTextual()) {
      sink.accept(node.asText());
    }
    node.forEach(child -> collectStrings(child, sink));
  }
}
