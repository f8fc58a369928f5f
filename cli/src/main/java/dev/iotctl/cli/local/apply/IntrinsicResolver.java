package dev.iotctl.cli.local.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves CloudFormation intrinsic functions in a template value: {@code Ref} (resources,
 * parameters' defaults, pseudo parameters), {@code Fn::GetAtt}, {@code Fn::Join}, {@code Fn::Sub}
 * (with and without a variable map, {@code ${!Literal}} escapes), {@code Fn::Select}, {@code
 * Fn::Split}, {@code Fn::ImportValue}, {@code Fn::If}, {@code Fn::Base64}, and the condition
 * functions. Resource references go through a {@link Lookup}, so the same resolver serves planning
 * and applying.
 */
public final class IntrinsicResolver {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

  /** What the resolver cannot know by itself: resources' and other stacks' values. */
  public interface Lookup {
    /** {@code Ref} of a resource of this stack. */
    String ref(String logicalId);

    /** {@code Fn::GetAtt} of a resource of this stack. */
    String getAtt(String logicalId, String attribute);

    /** {@code Fn::ImportValue}: an export of another stack. */
    String importValue(String exportName);
  }

  private final Template template;
  private final PseudoParameters pseudo;
  private final Lookup lookup;

  public IntrinsicResolver(Template template, PseudoParameters pseudo, Lookup lookup) {
    this.template = template;
    this.pseudo = pseudo;
    this.lookup = lookup;
  }

  /**
   * Resolves every intrinsic in {@code value}. Object fields and array items that resolve to {@code
   * AWS::NoValue} are dropped; a top-level {@code AWS::NoValue} gives a {@link MissingNode}.
   */
  public JsonNode resolve(JsonNode value) {
    if (value == null) {
      return MissingNode.getInstance();
    }
    if (value.isObject()) {
      String function = intrinsicName(value);
      if (function != null) {
        return call(function, value.get(function));
      }
      ObjectNode resolved = NODES.objectNode();
      value
          .fields()
          .forEachRemaining(
              e -> {
                JsonNode v = resolve(e.getValue());
                if (!v.isMissingNode()) {
                  resolved.set(e.getKey(), v);
                }
              });
      return resolved;
    }
    if (value.isArray()) {
      ArrayNode resolved = NODES.arrayNode();
      for (JsonNode item : value) {
        JsonNode v = resolve(item);
        if (!v.isMissingNode()) {
          resolved.add(v);
        }
      }
      return resolved;
    }
    return value;
  }

  /** Resolves a value that must be a string (numbers and booleans are given as text). */
  public String resolveString(JsonNode value, String what) {
    JsonNode resolved = resolve(value);
    if (!resolved.isValueNode() || resolved.isNull()) {
      throw new ApplyException(what + " must resolve to a string, not " + resolved);
    }
    return resolved.asText();
  }

  /** Evaluates the named template condition. */
  public boolean condition(String name) {
    JsonNode definition = template.conditions().get(name);
    if (definition == null) {
      throw new ApplyException("Condition " + name + " is not defined in Conditions");
    }
    return evaluate(definition);
  }

  /** The logical ids of {@code resources} that {@code value} refers to (Ref, GetAtt, Sub). */
  public static Set<String> references(JsonNode value, Set<String> resources) {
    Set<String> found = new LinkedHashSet<>();
    collect(value, resources, found::add);
    return found;
  }

  private static void collect(JsonNode value, Set<String> resources, Consumer<String> sink) {
    if (value == null) {
      return;
    }
    if (value.isObject()) {
      String function = intrinsicName(value);
      JsonNode argument = function == null ? null : value.get(function);
      if ("Ref".equals(function) && resources.contains(argument.asText())) {
        sink.accept(argument.asText());
      } else if ("Fn::GetAtt".equals(function)) {
        String target =
            argument.isArray() ? argument.path(0).asText() : argument.asText().split("\\.", 2)[0];
        if (resources.contains(target)) {
          sink.accept(target);
        }
      } else if ("Fn::Sub".equals(function)) {
        String text = argument.isArray() ? argument.path(0).asText() : argument.asText();
        JsonNode variables = argument.isArray() ? argument.path(1) : MissingNode.getInstance();
        Matcher m = SUB_VARIABLE.matcher(text);
        while (m.find()) {
          String name = m.group(1).trim();
          String target = name.split("\\.", 2)[0];
          if (!name.startsWith("!") && !variables.has(name) && resources.contains(target)) {
            sink.accept(target);
          }
        }
        collect(variables, resources, sink);
        return;
      }
      value.elements().forEachRemaining(v -> collect(v, resources, sink));
    } else if (value.isArray()) {
      value.forEach(v -> collect(v, resources, sink));
    }
  }

  /** The intrinsic function name if {@code node} is a one-field intrinsic object, else null. */
  private static String intrinsicName(JsonNode node) {
    if (node.size() != 1) {
      return null;
    }
    String name = node.fieldNames().next();
    return name.equals("Ref") || name.startsWith("Fn::") ? name : null;
  }

  private JsonNode call(String function, JsonNode argument) {
    return switch (function) {
      case "Ref" -> ref(text(argument, "Ref"));
      case "Fn::GetAtt" -> getAtt(argument);
      case "Fn::Join" -> join(argument);
      case "Fn::Sub" -> sub(argument);
      case "Fn::Select" -> select(argument);
      case "Fn::Split" -> split(argument);
      case "Fn::ImportValue" ->
          TextNode.valueOf(lookup.importValue(resolveString(argument, "Fn::ImportValue")));
      case "Fn::If" -> ifThenElse(argument);
      case "Fn::Base64" ->
          TextNode.valueOf(
              Base64.getEncoder()
                  .encodeToString(
                      resolveString(argument, "Fn::Base64").getBytes(StandardCharsets.UTF_8)));
      case "Fn::Equals", "Fn::And", "Fn::Or", "Fn::Not" ->
          NODES.booleanNode(evaluate(NODES.objectNode().set(function, argument)));
      default -> throw new ApplyException(function + " is not supported by local apply");
    };
  }

  private JsonNode ref(String name) {
    switch (name) {
      case "AWS::Region":
        return TextNode.valueOf(pseudo.region());
      case "AWS::AccountId":
        return TextNode.valueOf(pseudo.accountId());
      case "AWS::Partition":
        return TextNode.valueOf(pseudo.partition());
      case "AWS::URLSuffix":
        return TextNode.valueOf(pseudo.urlSuffix());
      case "AWS::StackName":
        return TextNode.valueOf(template.stackName());
      case "AWS::StackId":
        return TextNode.valueOf(pseudo.stackId(template.stackName()));
      case "AWS::NotificationARNs":
        return NODES.arrayNode();
      case "AWS::NoValue":
        return MissingNode.getInstance();
      default:
        break;
    }
    if (template.resources().containsKey(name)) {
      return TextNode.valueOf(lookup.ref(name));
    }
    JsonNode parameter = template.parameters().get(name);
    if (parameter != null) {
      JsonNode value = parameter.get("Default");
      if (value == null) {
        throw new ApplyException("parameter " + name + " has no Default (local apply passes none)");
      }
      return value;
    }
    throw new ApplyException("Ref " + name + ": no such resource, parameter or pseudo parameter");
  }

  private JsonNode getAtt(JsonNode argument) {
    String logicalId;
    String attribute;
    if (argument.isArray() && argument.size() == 2) {
      logicalId = text(argument.get(0), "Fn::GetAtt");
      attribute = resolveString(argument.get(1), "Fn::GetAtt attribute");
    } else if (argument.isTextual() && argument.asText().contains(".")) {
      String[] parts = argument.asText().split("\\.", 2);
      logicalId = parts[0];
      attribute = parts[1];
    } else {
      throw new ApplyException("Fn::GetAtt takes [LogicalId, Attribute], not " + argument);
    }
    if (!template.resources().containsKey(logicalId)) {
      throw new ApplyException("Fn::GetAtt " + logicalId + ": no such resource");
    }
    return TextNode.valueOf(lookup.getAtt(logicalId, attribute));
  }

  private JsonNode join(JsonNode argument) {
    if (!argument.isArray() || argument.size() != 2) {
      throw new ApplyException("Fn::Join takes [delimiter, [values]], not " + argument);
    }
    String delimiter = text(argument.get(0), "Fn::Join delimiter");
    JsonNode values = resolve(argument.get(1));
    if (!values.isArray()) {
      throw new ApplyException("Fn::Join values must be a list, not " + values);
    }
    StringBuilder joined = new StringBuilder();
    Iterator<JsonNode> items = values.elements();
    while (items.hasNext()) {
      JsonNode item = items.next();
      if (!item.isValueNode()) {
        throw new ApplyException("Fn::Join can only join strings, not " + item);
      }
      joined.append(item.asText());
      if (items.hasNext()) {
        joined.append(delimiter);
      }
    }
    return TextNode.valueOf(joined.toString());
  }

  private JsonNode sub(JsonNode argument) {
    String text;
    JsonNode variables;
    if (argument.isTextual()) {
      text = argument.asText();
      variables = NODES.objectNode();
    } else if (argument.isArray() && argument.size() == 2 && argument.get(1).isObject()) {
      text = text(argument.get(0), "Fn::Sub string");
      variables = argument.get(1);
    } else {
      throw new ApplyException("Fn::Sub takes a string or [string, {variables}], not " + argument);
    }
    Matcher m = SUB_VARIABLE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      String replacement;
      if (name.startsWith("!")) {
        replacement = "${" + name.substring(1) + "}";
      } else if (variables.has(name.trim())) {
        replacement = resolveString(variables.get(name.trim()), "Fn::Sub variable " + name);
      } else {
        replacement = subVariable(name.trim());
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return TextNode.valueOf(out.toString());
  }

  private String subVariable(String name) {
    int dot = name.indexOf('.');
    if (dot > 0 && template.resources().containsKey(name.substring(0, dot))) {
      return lookup.getAtt(name.substring(0, dot), name.substring(dot + 1));
    }
    JsonNode value = ref(name);
    if (!value.isValueNode()) {
      throw new ApplyException("Fn::Sub variable ${" + name + "} is not a string");
    }
    return value.asText();
  }

  private JsonNode select(JsonNode argument) {
    if (!argument.isArray() || argument.size() != 2) {
      throw new ApplyException("Fn::Select takes [index, [values]], not " + argument);
    }
    String index = resolveString(argument.get(0), "Fn::Select index");
    JsonNode values = resolve(argument.get(1));
    int i;
    try {
      i = Integer.parseInt(index);
    } catch (NumberFormatException e) {
      throw new ApplyException("Fn::Select index is not a number: " + index);
    }
    if (!values.isArray() || i < 0 || i >= values.size()) {
      throw new ApplyException("Fn::Select index " + i + " is out of range of " + values);
    }
    return values.get(i);
  }

  private JsonNode split(JsonNode argument) {
    if (!argument.isArray() || argument.size() != 2) {
      throw new ApplyException("Fn::Split takes [delimiter, string], not " + argument);
    }
    String delimiter = text(argument.get(0), "Fn::Split delimiter");
    String source = resolveString(argument.get(1), "Fn::Split source");
    ArrayNode parts = NODES.arrayNode();
    int from = 0;
    int at;
    while (!delimiter.isEmpty() && (at = source.indexOf(delimiter, from)) >= 0) {
      parts.add(source.substring(from, at));
      from = at + delimiter.length();
    }
    parts.add(source.substring(from));
    return parts;
  }

  private JsonNode ifThenElse(JsonNode argument) {
    if (!argument.isArray() || argument.size() != 3) {
      throw new ApplyException("Fn::If takes [condition, then, else], not " + argument);
    }
    return resolve(
        condition(text(argument.get(0), "Fn::If condition")) ? argument.get(1) : argument.get(2));
  }

  private boolean evaluate(JsonNode expression) {
    if (expression.isObject() && expression.size() == 1) {
      Map.Entry<String, JsonNode> e = expression.fields().next();
      JsonNode args = e.getValue();
      switch (e.getKey()) {
        case "Condition":
          return condition(args.asText());
        case "Fn::Equals":
          if (!args.isArray() || args.size() != 2) {
            throw new ApplyException("Fn::Equals takes two values, not " + args);
          }
          return resolve(args.get(0)).asText().equals(resolve(args.get(1)).asText());
        case "Fn::Not":
          return !evaluate(args.get(0));
        case "Fn::And":
          for (JsonNode a : args) {
            if (!evaluate(a)) {
              return false;
            }
          }
          return true;
        case "Fn::Or":
          for (JsonNode a : args) {
            if (evaluate(a)) {
              return true;
            }
          }
          return false;
        default:
          break;
      }
    }
    JsonNode value = resolve(expression);
    if (value.isBoolean() || "true".equals(value.asText()) || "false".equals(value.asText())) {
      return Boolean.parseBoolean(value.asText());
    }
    throw new ApplyException("not a condition: " + expression);
  }

  private static String text(JsonNode node, String what) {
    if (node == null || !node.isTextual()) {
      throw new ApplyException(what + " must be a literal string, not " + node);
    }
    return node.asText();
  }
}
