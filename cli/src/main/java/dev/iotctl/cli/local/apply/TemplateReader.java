package dev.iotctl.cli.local.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads {@code cdk.out/<Stack>.template.json} files into {@link Template}s. */
public final class TemplateReader {
  private static final String SUFFIX = ".template.json";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private TemplateReader() {}

  /**
   * Reads a template file; the stack name is the file name without {@code .template.json}. The
   * stacks it must follow come from the cloud assembly's {@code manifest.json} in the same folder,
   * when there is one.
   */
  public static Template read(Path file) {
    String fileName = file.getFileName().toString();
    String stackName =
        fileName.endsWith(SUFFIX)
            ? fileName.substring(0, fileName.length() - SUFFIX.length())
            : fileName.replaceFirst("\\.json$", "");
    JsonNode json;
    try {
      json = MAPPER.readTree(Files.readString(file));
    } catch (IOException e) {
      throw new ApplyException("cannot read " + file + ": " + e.getMessage(), e);
    }
    Template template = parse(stackName, json);
    List<String> dependsOn = manifestDependencies(file, stackName);
    return dependsOn.isEmpty()
        ? template
        : new Template(
            template.stackName(),
            template.resources(),
            template.parameters(),
            template.conditions(),
            template.exports(),
            dependsOn);
  }

  /**
   * The stacks {@code stackName} depends on, from {@code manifest.json} beside the template (CDK
   * lists asset artifacts there too; only stacks are kept).
   */
  static List<String> manifestDependencies(Path template, String stackName) {
    Path dir = template.toAbsolutePath().getParent();
    Path manifest = dir == null ? null : dir.resolve("manifest.json");
    if (manifest == null || !Files.isRegularFile(manifest)) {
      return List.of();
    }
    JsonNode artifacts;
    try {
      artifacts = MAPPER.readTree(Files.readString(manifest)).path("artifacts");
    } catch (IOException e) {
      throw new ApplyException("cannot read " + manifest + ": " + e.getMessage(), e);
    }
    List<String> out = new ArrayList<>();
    artifacts
        .path(stackName)
        .path("dependencies")
        .forEach(
            d -> {
              if ("aws:cloudformation:stack"
                  .equals(artifacts.path(d.asText()).path("type").asText())) {
                out.add(d.asText());
              }
            });
    return out;
  }

  /** Parses a template's JSON for the named stack. */
  public static Template parse(String stackName, JsonNode json) {
    if (json == null || !json.isObject()) {
      throw new ApplyException(stackName + ": a template must be a JSON object");
    }
    JsonNode resources = json.path("Resources");
    if (!resources.isObject()) {
      throw new ApplyException(stackName + ": the template has no Resources object");
    }
    Map<String, TemplateResource> byId = new LinkedHashMap<>();
    resources
        .fields()
        .forEachRemaining(e -> byId.put(e.getKey(), resource(stackName, e.getKey(), e.getValue())));
    List<Template.Export> exports = new ArrayList<>();
    json.path("Outputs")
        .fields()
        .forEachRemaining(
            e -> {
              JsonNode name = e.getValue().path("Export").get("Name");
              if (name != null) {
                exports.add(new Template.Export(e.getKey(), name, e.getValue().get("Value")));
              }
            });
    return new Template(
        stackName, byId, fields(json.path("Parameters")), fields(json.path("Conditions")), exports);
  }

  private static TemplateResource resource(String stackName, String logicalId, JsonNode node) {
    JsonNode type = node.get("Type");
    if (type == null || !type.isTextual()) {
      throw new ApplyException(stackName + "/" + logicalId + ": the resource has no Type");
    }
    JsonNode properties = node.get("Properties");
    if (properties == null) {
      properties = JsonNodeFactory.instance.objectNode();
    } else if (!properties.isObject()) {
      throw new ApplyException(stackName + "/" + logicalId + ": Properties must be an object");
    }
    List<String> dependsOn = new ArrayList<>();
    JsonNode depends = node.get("DependsOn");
    if (depends != null && depends.isTextual()) {
      dependsOn.add(depends.asText());
    } else if (depends != null) {
      depends.forEach(d -> dependsOn.add(d.asText()));
    }
    JsonNode condition = node.get("Condition");
    return new TemplateResource(
        logicalId,
        type.asText(),
        properties,
        dependsOn,
        condition == null ? null : condition.asText());
  }

  private static Map<String, JsonNode> fields(JsonNode object) {
    Map<String, JsonNode> map = new LinkedHashMap<>();
    object.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue()));
    return map;
  }
}
