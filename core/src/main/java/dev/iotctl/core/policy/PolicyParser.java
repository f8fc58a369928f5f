package dev.iotctl.core.policy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.iotctl.core.error.IotException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Turns policy JSON into a {@link PolicyDocument}, rejecting what AWS rejects. */
final class PolicyParser {
  static final String VERSION_2012 = "2012-10-17";
  private static final Set<String> VERSIONS = Set.of(VERSION_2012, "2008-10-17");
  private static final Set<String> DOCUMENT_FIELDS = Set.of("Version", "Id", "Statement");
  private static final Set<String> STATEMENT_FIELDS =
      Set.of("Sid", "Effect", "Action", "NotAction", "Resource", "NotResource", "Condition");
  private static final Pattern ACTION = Pattern.compile("\\*|[A-Za-z0-9-]+:[^:\\s]+");
  private static final String FOR_ANY = "ForAnyValue:";
  private static final String FOR_ALL = "ForAllValues:";
  private static final String IF_EXISTS = "IfExists";

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private PolicyParser() {}

  static PolicyDocument parse(String json) {
    if (json == null || json.isBlank()) {
      throw malformed("Policy document is empty");
    }
    long characters = json.codePoints().filter(c -> !Character.isWhitespace(c)).count();
    if (characters > PolicyDocument.MAX_CHARACTERS) {
      throw malformed(
          "Policy document is "
              + characters
              + " characters long; the maximum is "
              + PolicyDocument.MAX_CHARACTERS
              + " characters, excluding whitespace");
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw malformed("Invalid policy syntax.");
    }
    if (root == null || !root.isObject()) {
      throw malformed("Invalid policy syntax.");
    }
    rejectUnknownFields(root, DOCUMENT_FIELDS, "policy document");
    String version = null;
    if (root.has("Version")) {
      JsonNode v = root.get("Version");
      if (!v.isTextual() || !VERSIONS.contains(v.asText())) {
        throw malformed("Invalid Version: " + v);
      }
      version = v.asText();
    }
    if (root.has("Id") && !root.get("Id").isTextual()) {
      throw malformed("Id must be a string");
    }
    JsonNode statementNode = root.get("Statement");
    if (statementNode == null) {
      throw malformed("Policy document must contain a Statement");
    }
    List<JsonNode> statementNodes = new ArrayList<>();
    if (statementNode.isObject()) {
      statementNodes.add(statementNode);
    } else if (statementNode.isArray() && !statementNode.isEmpty()) {
      statementNode.forEach(statementNodes::add);
    } else {
      throw malformed("Statement must be an object or a non-empty list of objects");
    }
    boolean variables = VERSION_2012.equals(version);
    List<Statement> statements = new ArrayList<>();
    for (int i = 0; i < statementNodes.size(); i++) {
      statements.add(statement(i, statementNodes.get(i), variables));
    }
    return new PolicyDocument(json, version, statements);
  }

  private static Statement statement(int index, JsonNode node, boolean variables) {
    if (!node.isObject()) {
      throw malformed("Statement " + index + " must be an object");
    }
    if (node.has("Principal") || node.has("NotPrincipal")) {
      throw malformed("Policy document should not specify a principal.");
    }
    rejectUnknownFields(node, STATEMENT_FIELDS, "statement " + index);
    String sid = null;
    if (node.has("Sid")) {
      if (!node.get("Sid").isTextual()) {
        throw malformed("Sid in statement " + index + " must be a string");
      }
      sid = node.get("Sid").asText();
    }
    Effect effect = effect(index, node.get("Effect"));

    boolean notAction = exactlyOne(node, "Action", "NotAction", index);
    List<PolicyString> actions = new ArrayList<>();
    List<String> invalidActions = new ArrayList<>();
    for (String action : strings(node.get(notAction ? "NotAction" : "Action"), index, "Action")) {
      if (!ACTION.matcher(action).matches()) {
        invalidActions.add(action);
      }
      actions.add(PolicyString.parse(action.toLowerCase(Locale.ROOT), false));
    }
    if (!invalidActions.isEmpty()) {
      throw malformed("The following actions are invalid : " + String.join(", ", invalidActions));
    }

    boolean notResource = exactlyOne(node, "Resource", "NotResource", index);
    List<PolicyString> resources = new ArrayList<>();
    List<String> invalidResources = new ArrayList<>();
    for (String resource :
        strings(node.get(notResource ? "NotResource" : "Resource"), index, "Resource")) {
      if (!resource.equals("*") && !resource.startsWith("arn:")) {
        invalidResources.add(resource);
      }
      resources.add(PolicyString.parse(resource, variables));
    }
    if (!invalidResources.isEmpty()) {
      throw malformed(
          "The following resources are invalid : " + String.join(", ", invalidResources));
    }

    List<Condition> conditions =
        node.has("Condition") ? conditions(index, node.get("Condition"), variables) : List.of();
    return new Statement(
        index, sid, effect, actions, notAction, resources, notResource, conditions);
  }

  private static Effect effect(int index, JsonNode node) {
    if (node == null) {
      throw malformed("Statement " + index + " is missing the Effect");
    }
    if (node.isTextual()) {
      for (Effect effect : Effect.values()) {
        if (effect.jsonName().equals(node.asText())) {
          return effect;
        }
      }
    }
    throw malformed("Invalid Effect in statement " + index + ": " + node + " (Allow or Deny)");
  }

  /** Returns true when the second (negated) element is the one present. */
  private static boolean exactlyOne(JsonNode node, String element, String negated, int index) {
    boolean has = node.has(element);
    boolean hasNegated = node.has(negated);
    if (has == hasNegated) {
      throw malformed(
          "Statement " + index + " must contain exactly one of " + element + " and " + negated);
    }
    return hasNegated;
  }

  private static List<String> strings(JsonNode node, int index, String element) {
    List<String> values = new ArrayList<>();
    if (node.isTextual()) {
      values.add(node.asText());
    } else if (node.isArray() && !node.isEmpty()) {
      for (JsonNode item : node) {
        if (!item.isTextual()) {
          throw malformed(element + " in statement " + index + " must contain only strings");
        }
        values.add(item.asText());
      }
    } else {
      throw malformed(
          element + " in statement " + index + " must be a string or a non-empty list of strings");
    }
    return values;
  }

  private static List<Condition> conditions(int index, JsonNode block, boolean variables) {
    if (!block.isObject()) {
      throw malformed("Condition in statement " + index + " must be an object");
    }
    List<Condition> conditions = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> operators = block.fields();
    while (operators.hasNext()) {
      Map.Entry<String, JsonNode> entry = operators.next();
      String text = entry.getKey();
      String name = text;
      Condition.SetQualifier qualifier = Condition.SetQualifier.NONE;
      if (name.startsWith(FOR_ANY)) {
        qualifier = Condition.SetQualifier.FOR_ANY_VALUE;
        name = name.substring(FOR_ANY.length());
      } else if (name.startsWith(FOR_ALL)) {
        qualifier = Condition.SetQualifier.FOR_ALL_VALUES;
        name = name.substring(FOR_ALL.length());
      }
      boolean ifExists = name.endsWith(IF_EXISTS);
      if (ifExists) {
        name = name.substring(0, name.length() - IF_EXISTS.length());
      }
      ConditionOperator operator =
          ConditionOperator.byName(name)
              .filter(op -> !(ifExists && op == ConditionOperator.NULL))
              .orElseThrow(() -> malformed("Invalid Condition operator: " + text));
      if (!entry.getValue().isObject() || entry.getValue().isEmpty()) {
        throw malformed("Condition operator " + text + " must map condition keys to values");
      }
      Iterator<Map.Entry<String, JsonNode>> keys = entry.getValue().fields();
      while (keys.hasNext()) {
        Map.Entry<String, JsonNode> key = keys.next();
        List<PolicyString> values = new ArrayList<>();
        for (String value : scalars(key.getValue(), text, key.getKey())) {
          values.add(PolicyString.parse(value, variables));
        }
        conditions.add(new Condition(text, operator, ifExists, qualifier, key.getKey(), values));
      }
    }
    return conditions;
  }

  private static List<String> scalars(JsonNode node, String operator, String key) {
    List<String> values = new ArrayList<>();
    if (node.isValueNode() && !node.isNull()) {
      values.add(node.asText());
      return values;
    }
    if (node.isArray() && !node.isEmpty()) {
      for (JsonNode item : node) {
        if (!item.isValueNode() || item.isNull()) {
          throw malformed("Invalid value for " + operator + " " + key + ": " + item);
        }
        values.add(item.asText());
      }
      return values;
    }
    throw malformed("Invalid value for " + operator + " " + key + ": " + node);
  }

  private static void rejectUnknownFields(JsonNode node, Set<String> allowed, String where) {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw malformed("Unknown element " + name + " in " + where);
      }
    }
  }

  static IotException malformed(String reason) {
    return IotException.malformedPolicy("Policy document is Malformed: " + reason);
  }
}
