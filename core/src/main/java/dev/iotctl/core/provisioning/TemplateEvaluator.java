package dev.iotctl.core.provisioning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.iotctl.core.provisioning.ProvisioningPlan.CertificateSpec;
import dev.iotctl.core.provisioning.ProvisioningPlan.PolicySpec;
import dev.iotctl.core.provisioning.ProvisioningPlan.ThingSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates one template with one device's parameters. Intrinsic functions are objects with a
 * single member ({@code Ref}, {@code Fn::…}); {@code AWS::NoValue} drops the property or list
 * element that holds it. A parameter referenced without a value or default fails the evaluation
 * (chosen: AWS says it "is not replaced with a value", which would make names like {@code
 * device-}).
 */
final class TemplateEvaluator {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String NO_VALUE = "AWS::NoValue";
  private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

  private final ProvisioningTemplate template;
  private final Map<String, String> values;
  private final Map<String, Boolean> conditionValues = new HashMap<>();
  private final Set<String> evaluating = new HashSet<>();

  TemplateEvaluator(ProvisioningTemplate template, Map<String, String> values) {
    this.template = template;
    this.values = Map.copyOf(values);
  }

  ProvisioningPlan plan() {
    Optional<ThingSpec> thing = Optional.empty();
    Optional<CertificateSpec> certificate = Optional.empty();
    List<PolicySpec> policies = new ArrayList<>();
    for (ProvisioningTemplate.Resource resource : template.resources().values()) {
      if (resource.condition().isPresent() && !condition(resource.condition().get())) {
        continue;
      }
      JsonNode properties = evaluate(resource.properties());
      ObjectNode props = properties == null ? NODES.objectNode() : (ObjectNode) properties;
      switch (resource.type()) {
        case THING -> thing = Optional.of(thing(resource, props));
        case CERTIFICATE -> certificate = Optional.of(certificate(resource, props));
        case POLICY -> policies.add(policy(resource, props));
      }
    }
    return new ProvisioningPlan(thing, certificate, policies, deviceConfiguration());
  }

  private ThingSpec thing(ProvisioningTemplate.Resource resource, ObjectNode props) {
    String name = logical(resource);
    String thingName =
        text(props, "ThingName", name)
            .filter(s -> !s.isEmpty())
            .orElseThrow(() -> TemplateErrors.unresolvable(name + ": ThingName has no value"));
    Optional<Map<String, String>> attributes = Optional.empty();
    JsonNode payload = props.get("AttributePayload");
    if (payload != null) {
      if (!payload.isObject()) {
        throw TemplateErrors.unresolvable(name + ": AttributePayload must be an object");
      }
      Map<String, String> map = new LinkedHashMap<>();
      payload
          .fields()
          .forEachRemaining(
              e -> map.put(e.getKey(), scalar(e.getValue(), name + ".AttributePayload")));
      attributes = Optional.of(map);
    }
    Optional<List<String>> groups = Optional.empty();
    JsonNode groupsNode = props.get("ThingGroups");
    if (groupsNode != null) {
      if (!groupsNode.isArray()) {
        throw TemplateErrors.unresolvable(name + ": ThingGroups must be a list");
      }
      List<String> list = new ArrayList<>();
      groupsNode.forEach(g -> list.add(scalar(g, name + ".ThingGroups")));
      groups = Optional.of(list);
    }
    return new ThingSpec(
        name,
        thingName,
        attributes,
        text(props, "ThingTypeName", name),
        groups,
        text(props, "BillingGroup", name),
        resource.overrideSettings());
  }

  private CertificateSpec certificate(ProvisioningTemplate.Resource resource, ObjectNode props) {
    String name = logical(resource);
    Optional<String> csr = text(props, "CertificateSigningRequest", name);
    Optional<String> id = text(props, "CertificateId", name);
    Optional<String> pem = text(props, "CertificatePem", name);
    int given = (csr.isPresent() ? 1 : 0) + (id.isPresent() ? 1 : 0) + (pem.isPresent() ? 1 : 0);
    if (given != 1) {
      throw TemplateErrors.unresolvable(
          name
              + ": a certificate needs exactly one of CertificateSigningRequest, CertificateId"
              + " and CertificatePem");
    }
    String status = text(props, "Status", name).orElse("ACTIVE").toUpperCase(Locale.ROOT);
    if (!status.equals("ACTIVE") && !status.equals("INACTIVE")) {
      throw TemplateErrors.unresolvable(name + ": Status must be ACTIVE or INACTIVE");
    }
    return new CertificateSpec(
        name,
        csr,
        id,
        pem,
        text(props, "CACertificatePem", name),
        status,
        resource.overrideSettings().getOrDefault("Status", OverrideAction.DO_NOTHING));
  }

  private PolicySpec policy(ProvisioningTemplate.Resource resource, ObjectNode props) {
    String name = logical(resource);
    JsonNode document = props.get("PolicyDocument");
    Optional<String> documentText = Optional.empty();
    if (document != null) {
      documentText = Optional.of(document.isTextual() ? document.textValue() : document.toString());
    }
    Optional<String> policyName = text(props, "PolicyName", name);
    if (policyName.isEmpty() && documentText.isEmpty()) {
      throw TemplateErrors.unresolvable(name + ": the policy has no PolicyName or PolicyDocument");
    }
    return new PolicySpec(name, policyName, documentText);
  }

  private Map<String, String> deviceConfiguration() {
    JsonNode evaluated = evaluate(template.deviceConfiguration());
    Map<String, String> configuration = new LinkedHashMap<>();
    if (evaluated != null) {
      evaluated
          .fields()
          .forEachRemaining(
              e -> configuration.put(e.getKey(), scalar(e.getValue(), "DeviceConfiguration")));
    }
    return configuration;
  }

  private static String logical(ProvisioningTemplate.Resource resource) {
    return resource.logicalName();
  }

  private static Optional<String> text(ObjectNode props, String property, String resource) {
    JsonNode node = props.get(property);
    if (node == null) {
      return Optional.empty();
    }
    return Optional.of(scalar(node, resource + "." + property));
  }

  private static String scalar(JsonNode node, String where) {
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isNumber() || node.isBoolean()) {
      return node.asText();
    }
    throw TemplateErrors.unresolvable(where + " must be a string");
  }

  /** The evaluated node, or null when it evaluates to nothing. */
  JsonNode evaluate(JsonNode node) {
    if (node.isObject()) {
      if (node.size() == 1) {
        String key = node.fieldNames().next();
        if (key.equals("Ref") || key.startsWith("Fn::")) {
          return function(key, node.get(key));
        }
      }
      ObjectNode result = NODES.objectNode();
      node.fields()
          .forEachRemaining(
              e -> {
                JsonNode value = evaluate(e.getValue());
                if (value != null) {
                  result.set(e.getKey(), value);
                }
              });
      return result;
    }
    if (node.isArray()) {
      ArrayNode result = NODES.arrayNode();
      for (JsonNode element : node) {
        JsonNode value = evaluate(element);
        if (value != null) {
          result.add(value);
        }
      }
      return result;
    }
    return node;
  }

  private JsonNode function(String name, JsonNode argument) {
    return switch (name) {
      case "Ref" -> ref(argument);
      case "Fn::Join" -> join(argument);
      case "Fn::Sub" -> sub(argument);
      case "Fn::If" -> ifFunction(argument);
      case "Fn::FindInMap" -> findInMap(argument);
      case "Fn::Select" -> select(argument);
      case "Fn::Split" -> split(argument);
      default -> throw TemplateErrors.unresolvable("unsupported intrinsic function " + name);
    };
  }

  private JsonNode ref(JsonNode argument) {
    if (!argument.isTextual()) {
      throw TemplateErrors.unresolvable("Ref takes a parameter name");
    }
    String name = argument.textValue();
    if (name.equals(NO_VALUE)) {
      return null;
    }
    return TextNode.valueOf(
        parameter(name)
            .orElseThrow(
                () ->
                    TemplateErrors.unresolvable(
                        "parameter " + name + " has no value and no default")));
  }

  private Optional<String> parameter(String name) {
    ProvisioningTemplate.Parameter declared = template.parameters().get(name);
    if (declared == null) {
      throw TemplateErrors.unresolvable("Ref to " + name + ", which is not a declared parameter");
    }
    String value = values.get(name);
    return value != null ? Optional.of(value) : declared.defaultValue();
  }

  private JsonNode join(JsonNode argument) {
    ArrayNode args = arguments("Fn::Join", argument, 2);
    String delimiter = requiredText(evaluate(args.get(0)), "Fn::Join delimiter");
    JsonNode list = evaluate(args.get(1));
    if (list == null || !list.isArray()) {
      throw TemplateErrors.unresolvable("Fn::Join takes a list of values");
    }
    List<String> parts = new ArrayList<>();
    list.forEach(part -> parts.add(scalar(part, "Fn::Join")));
    return TextNode.valueOf(String.join(delimiter, parts));
  }

  private JsonNode sub(JsonNode argument) {
    String text;
    Map<String, String> variables = new HashMap<>();
    if (argument.isTextual()) {
      text = argument.textValue();
    } else {
      ArrayNode args = arguments("Fn::Sub", argument, 2);
      text = requiredText(evaluate(args.get(0)), "Fn::Sub string");
      JsonNode map = evaluate(args.get(1));
      if (map == null || !map.isObject()) {
        throw TemplateErrors.unresolvable("Fn::Sub takes a map of variables");
      }
      map.fields()
          .forEachRemaining(e -> variables.put(e.getKey(), scalar(e.getValue(), "Fn::Sub")));
    }
    Matcher m = SUB_VARIABLE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String variable = m.group(1);
      String replacement;
      if (variable.startsWith("!")) {
        replacement = "${" + variable.substring(1) + "}";
      } else if (variables.containsKey(variable)) {
        replacement = variables.get(variable);
      } else {
        replacement =
            parameter(variable)
                .orElseThrow(
                    () -> TemplateErrors.unresolvable("Fn::Sub: " + variable + " has no value"));
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return TextNode.valueOf(out.toString());
  }

  private JsonNode ifFunction(JsonNode argument) {
    ArrayNode args = arguments("Fn::If", argument, 3);
    if (!args.get(0).isTextual()) {
      throw TemplateErrors.unresolvable("Fn::If takes a condition name");
    }
    return evaluate(condition(args.get(0).textValue()) ? args.get(1) : args.get(2));
  }

  private JsonNode findInMap(JsonNode argument) {
    ArrayNode args = arguments("Fn::FindInMap", argument, 3);
    String map = requiredText(evaluate(args.get(0)), "Fn::FindInMap map name");
    String first = requiredText(evaluate(args.get(1)), "Fn::FindInMap key");
    String second = requiredText(evaluate(args.get(2)), "Fn::FindInMap key");
    JsonNode value = template.mappings().path(map).path(first).get(second);
    if (value == null) {
      throw TemplateErrors.unresolvable(
          "Fn::FindInMap: mapping " + map + " has no value for " + first + "/" + second);
    }
    return value;
  }

  private JsonNode select(JsonNode argument) {
    ArrayNode args = arguments("Fn::Select", argument, 2);
    String indexText = requiredText(evaluate(args.get(0)), "Fn::Select index");
    JsonNode list = evaluate(args.get(1));
    int index;
    try {
      index = Integer.parseInt(indexText);
    } catch (NumberFormatException e) {
      throw TemplateErrors.unresolvable("Fn::Select index must be a number");
    }
    if (list == null || !list.isArray() || index < 0 || index >= list.size()) {
      throw TemplateErrors.unresolvable("Fn::Select index " + index + " is out of bounds");
    }
    return list.get(index);
  }

  private JsonNode split(JsonNode argument) {
    ArrayNode args = arguments("Fn::Split", argument, 2);
    String delimiter = requiredText(evaluate(args.get(0)), "Fn::Split delimiter");
    String text = requiredText(evaluate(args.get(1)), "Fn::Split string");
    if (delimiter.isEmpty()) {
      throw TemplateErrors.unresolvable("Fn::Split delimiter must not be empty");
    }
    ArrayNode parts = NODES.arrayNode();
    for (String part : text.split(Pattern.quote(delimiter), -1)) {
      parts.add(part);
    }
    return parts;
  }

  /** A declared condition's value, computed once. */
  boolean condition(String name) {
    Boolean known = conditionValues.get(name);
    if (known != null) {
      return known;
    }
    JsonNode definition = template.conditions().get(name);
    if (definition == null) {
      throw TemplateErrors.unresolvable("condition " + name + " is not declared");
    }
    if (!evaluating.add(name)) {
      throw TemplateErrors.unresolvable("condition " + name + " refers to itself");
    }
    boolean value = conditionExpression(definition);
    evaluating.remove(name);
    conditionValues.put(name, value);
    return value;
  }

  private boolean conditionExpression(JsonNode node) {
    if (node.isObject() && node.size() == 1) {
      String key = node.fieldNames().next();
      JsonNode argument = node.get(key);
      switch (key) {
        case "Condition":
          if (!argument.isTextual()) {
            throw TemplateErrors.unresolvable("Condition takes a condition name");
          }
          return condition(argument.textValue());
        case "Fn::Equals":
          {
            ArrayNode args = arguments(key, argument, 2);
            return Optional.ofNullable(evaluate(args.get(0)))
                .map(JsonNode::asText)
                .equals(Optional.ofNullable(evaluate(args.get(1))).map(JsonNode::asText));
          }
        case "Fn::Not":
          return !conditionExpression(arguments(key, argument, 1).get(0));
        case "Fn::And":
          {
            boolean all = true;
            for (JsonNode operand : operands(key, argument)) {
              all &= conditionExpression(operand);
            }
            return all;
          }
        case "Fn::Or":
          {
            boolean any = false;
            for (JsonNode operand : operands(key, argument)) {
              any |= conditionExpression(operand);
            }
            return any;
          }
        default:
          break;
      }
    }
    JsonNode value = evaluate(node);
    if (value instanceof BooleanNode b) {
      return b.booleanValue();
    }
    if (value != null && value.isTextual()) {
      return Boolean.parseBoolean(value.textValue());
    }
    throw TemplateErrors.unresolvable("a condition must be Fn::Equals, Fn::And, Fn::Or or Fn::Not");
  }

  private static ArrayNode operands(String function, JsonNode argument) {
    if (!argument.isArray() || argument.size() < 2 || argument.size() > 10) {
      throw TemplateErrors.unresolvable(function + " takes 2 to 10 conditions");
    }
    return (ArrayNode) argument;
  }

  private static ArrayNode arguments(String function, JsonNode argument, int count) {
    if (!argument.isArray() || argument.size() != count) {
      throw TemplateErrors.unresolvable(function + " takes a list of " + count + " arguments");
    }
    return (ArrayNode) argument;
  }

  private static String requiredText(JsonNode node, String what) {
    if (node == null) {
      throw TemplateErrors.unresolvable(what + " has no value");
    }
    return scalar(node, what);
  }
}
