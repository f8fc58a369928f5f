package dev.iotctl.core.provisioning;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed provisioning template body: {@code Parameters}, {@code Mappings}, {@code Conditions},
 * {@code Resources} and {@code DeviceConfiguration}, checked as far as it can be without
 * parameters. Evaluate it with {@link #resolve}.
 */
public final class ProvisioningTemplate {
  /** AWS's limit on {@code templateBody}. */
  public static final int MAX_BODY_CHARACTERS = 10240;

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private static final Set<String> SECTIONS =
      Set.of("Parameters", "Mappings", "Conditions", "Resources", "DeviceConfiguration");
  private static final Set<String> RESOURCE_KEYS =
      Set.of("Type", "Properties", "OverrideSettings", "Condition");
  private static final Map<ResourceType, Set<String>> OVERRIDABLE =
      new EnumMap<>(
          Map.of(
              ResourceType.THING,
              Set.of("AttributePayload", "ThingTypeName", "ThingGroups"),
              ResourceType.CERTIFICATE,
              Set.of("Status"),
              ResourceType.POLICY,
              Set.of()));

  private final Map<String, Parameter> parameters;
  private final ObjectNode mappings;
  private final ObjectNode conditions;
  private final Map<String, Resource> resources;
  private final ObjectNode deviceConfiguration;

  private ProvisioningTemplate(
      Map<String, Parameter> parameters,
      ObjectNode mappings,
      ObjectNode conditions,
      Map<String, Resource> resources,
      ObjectNode deviceConfiguration) {
    this.parameters = Collections.unmodifiableMap(parameters);
    this.mappings = mappings;
    this.conditions = conditions;
    this.resources = Collections.unmodifiableMap(resources);
    this.deviceConfiguration = deviceConfiguration;
  }

  /** A declared parameter: its type and optional default. */
  public record Parameter(String name, String type, Optional<String> defaultValue) {}

  /** A declared resource, its properties not yet evaluated. */
  public record Resource(
      String logicalName,
      ResourceType type,
      ObjectNode properties,
      Map<String, OverrideAction> overrideSettings,
      Optional<String> condition) {}

  /**
   * Parses and checks a template body.
   *
   * @throws dev.iotctl.core.error.IotException {@code InvalidRequestException} for a body that is
   *     not a JSON object, too long, or not a valid template
   */
  public static ProvisioningTemplate parse(String body) {
    if (body == null || body.isBlank()) {
      throw TemplateErrors.invalid("the template body is empty");
    }
    if (body.length() > MAX_BODY_CHARACTERS) {
      throw TemplateErrors.invalid(
          "the template body is longer than " + MAX_BODY_CHARACTERS + " characters");
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw TemplateErrors.invalid("the template body is not valid JSON");
    }
    if (root == null || !root.isObject()) {
      throw TemplateErrors.invalid("the template body must be a JSON object");
    }
    root.fieldNames()
        .forEachRemaining(
            name -> {
              if (!SECTIONS.contains(name)) {
                throw TemplateErrors.invalid("unknown section " + name);
              }
            });
    Map<String, Parameter> parameters = parameters(object(root, "Parameters"));
    ObjectNode mappings = object(root, "Mappings");
    checkMappings(mappings);
    ObjectNode conditions = object(root, "Conditions");
    ObjectNode resourcesNode = object(root, "Resources");
    Map<String, Resource> resources = new LinkedHashMap<>();
    var it = resourcesNode.fields();
    while (it.hasNext()) {
      var entry = it.next();
      resources.put(entry.getKey(), resource(entry.getKey(), entry.getValue(), conditions));
    }
    long things = resources.values().stream().filter(r -> r.type() == ResourceType.THING).count();
    long certs =
        resources.values().stream().filter(r -> r.type() == ResourceType.CERTIFICATE).count();
    if (things > 1 || certs > 1) {
      throw TemplateErrors.invalid("a template declares at most one thing and one certificate");
    }
    ObjectNode deviceConfiguration = object(root, "DeviceConfiguration");
    return new ProvisioningTemplate(
        parameters, mappings, conditions, resources, deviceConfiguration);
  }

  /**
   * Evaluates the template with a device's parameter values (a missing one takes its default).
   *
   * @throws dev.iotctl.core.error.IotException {@code InvalidRequestException} when a required
   *     value is missing or an intrinsic function cannot be evaluated
   */
  public ProvisioningPlan resolve(Map<String, String> values) {
    return new TemplateEvaluator(this, values).plan();
  }

  public Map<String, Parameter> parameters() {
    return parameters;
  }

  public Map<String, Resource> resources() {
    return resources;
  }

  ObjectNode mappings() {
    return mappings;
  }

  ObjectNode conditions() {
    return conditions;
  }

  ObjectNode deviceConfiguration() {
    return deviceConfiguration;
  }

  private static ObjectNode object(JsonNode root, String name) {
    JsonNode node = root.get(name);
    if (node == null || node.isNull()) {
      return JsonNodeFactory.instance.objectNode();
    }
    if (!node.isObject()) {
      throw TemplateErrors.invalid(name + " must be an object");
    }
    return (ObjectNode) node;
  }

  private static Map<String, Parameter> parameters(ObjectNode node) {
    Map<String, Parameter> parameters = new LinkedHashMap<>();
    var it = node.fields();
    while (it.hasNext()) {
      var entry = it.next();
      String name = entry.getKey();
      if (!entry.getValue().isObject()) {
        throw TemplateErrors.invalid("parameter " + name + " must be an object");
      }
      JsonNode type = entry.getValue().get("Type");
      if (type == null || !type.isTextual()) {
        throw TemplateErrors.invalid("parameter " + name + " has no Type");
      }
      JsonNode defaultValue = entry.getValue().get("Default");
      if (defaultValue != null && !defaultValue.isValueNode()) {
        throw TemplateErrors.invalid("the Default of parameter " + name + " must be a value");
      }
      parameters.put(
          name,
          new Parameter(
              name,
              type.textValue(),
              Optional.ofNullable(defaultValue).filter(d -> !d.isNull()).map(JsonNode::asText)));
    }
    return parameters;
  }

  /** "You cannot include parameters, pseudo parameters, or call intrinsic functions" there. */
  private static void checkMappings(ObjectNode mappings) {
    var maps = mappings.fields();
    while (maps.hasNext()) {
      var map = maps.next();
      if (!map.getValue().isObject()) {
        throw TemplateErrors.invalid("mapping " + map.getKey() + " must be an object");
      }
      var keys = map.getValue().fields();
      while (keys.hasNext()) {
        var key = keys.next();
        if (!key.getValue().isObject()) {
          throw TemplateErrors.invalid(
              "mapping " + map.getKey() + "." + key.getKey() + " must be an object");
        }
        key.getValue()
            .fields()
            .forEachRemaining(
                value -> {
                  if (!value.getValue().isValueNode()
                      && !(value.getValue().isArray() && allValues(value.getValue()))) {
                    throw TemplateErrors.invalid(
                        "mapping " + map.getKey() + " may hold only plain values");
                  }
                });
      }
    }
  }

  private static boolean allValues(JsonNode array) {
    for (JsonNode element : array) {
      if (!element.isValueNode()) {
        return false;
      }
    }
    return true;
  }

  private static Resource resource(String logicalName, JsonNode node, ObjectNode conditions) {
    if (!node.isObject()) {
      throw TemplateErrors.invalid("resource " + logicalName + " must be an object");
    }
    node.fieldNames()
        .forEachRemaining(
            key -> {
              if (!RESOURCE_KEYS.contains(key)) {
                throw TemplateErrors.invalid(
                    "resource " + logicalName + " has an unknown member " + key);
              }
            });
    JsonNode typeNode = node.get("Type");
    ResourceType type =
        ResourceType.of(typeNode == null ? null : typeNode.asText(null))
            .orElseThrow(
                () ->
                    TemplateErrors.invalid(
                        "resource "
                            + logicalName
                            + " must have Type AWS::IoT::Thing, AWS::IoT::Certificate or"
                            + " AWS::IoT::Policy"));
    JsonNode properties = node.get("Properties");
    if (properties == null || !properties.isObject()) {
      throw TemplateErrors.invalid("resource " + logicalName + " has no Properties object");
    }
    Map<String, OverrideAction> overrides = new LinkedHashMap<>();
    JsonNode settings = node.get("OverrideSettings");
    if (settings != null) {
      if (!settings.isObject()) {
        throw TemplateErrors.invalid(logicalName + ".OverrideSettings must be an object");
      }
      var it = settings.fields();
      while (it.hasNext()) {
        var entry = it.next();
        if (!OVERRIDABLE.get(type).contains(entry.getKey())) {
          throw TemplateErrors.invalid(
              "OverrideSettings of " + logicalName + " cannot name " + entry.getKey());
        }
        OverrideAction action =
            OverrideAction.parse(entry.getValue().asText(null), logicalName + ".OverrideSettings");
        if (action == OverrideAction.MERGE
            && !Set.of("AttributePayload", "ThingGroups").contains(entry.getKey())) {
          throw TemplateErrors.invalid(
              "MERGE is valid only for AttributePayload and ThingGroups (" + logicalName + ")");
        }
        overrides.put(entry.getKey(), action);
      }
    }
    Optional<String> condition = Optional.empty();
    JsonNode conditionNode = node.get("Condition");
    if (conditionNode != null) {
      if (!conditionNode.isTextual() || !conditions.has(conditionNode.textValue())) {
        throw TemplateErrors.invalid(
            "resource " + logicalName + " names a condition that is not declared");
      }
      condition = Optional.of(conditionNode.textValue());
    }
    if (type == ResourceType.POLICY) {
      boolean named = properties.has("PolicyName");
      boolean document = properties.has("PolicyDocument");
      if (named == document) {
        throw TemplateErrors.invalid(
            "policy " + logicalName + " must have either PolicyName or PolicyDocument");
      }
    }
    return new Resource(logicalName, type, (ObjectNode) properties, overrides, condition);
  }
}
