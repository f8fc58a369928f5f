package dev.iotctl.cli.local.apply;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotctl.core.pki.Pem;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What has been applied for one stack: {@code DIR/applied/<StackName>.json} in the stand-in's data
 * dir, mapping logical id to physical id and type, plus the stack's resolved exports and any
 * replaced resources not yet deleted. Saved atomically after every change, so an interrupted apply
 * leaves a file that names everything it created.
 */
public final class AppliedState {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final String stackName;
  private final Map<String, AppliedResource> resources;
  private final List<AppliedResource> retired;
  private final Map<String, String> exports;

  private AppliedState(
      String stackName,
      Map<String, AppliedResource> resources,
      List<AppliedResource> retired,
      Map<String, String> exports) {
    this.stackName = stackName;
    this.resources = resources;
    this.retired = retired;
    this.exports = exports;
  }

  /** A stack never applied. */
  public static AppliedState empty(String stackName) {
    return new AppliedState(stackName, new LinkedHashMap<>(), new ArrayList<>(), new TreeMap<>());
  }

  public static Path directory(Path dataDir) {
    return dataDir.resolve("applied");
  }

  public static Path file(Path dataDir, String stackName) {
    return directory(dataDir).resolve(stackName + ".json");
  }

  /** The stack's state, or an empty one if it was never applied. */
  public static AppliedState load(Path dataDir, String stackName) {
    Path file = file(dataDir, stackName);
    JsonNode json;
    try {
      json = MAPPER.readTree(Files.readString(file));
    } catch (NoSuchFileException e) {
      return empty(stackName);
    } catch (IOException e) {
      throw new ApplyException("cannot read " + file + ": " + e.getMessage(), e);
    }
    AppliedState state = empty(stackName);
    json.path("resources")
        .fields()
        .forEachRemaining(e -> state.resources.put(e.getKey(), resource(e.getKey(), e.getValue())));
    json.path("retired").forEach(r -> state.retired.add(resource(r.path("logicalId").asText(), r)));
    json.path("exports")
        .fields()
        .forEachRemaining(e -> state.exports.put(e.getKey(), e.getValue().asText()));
    return state;
  }

  /** The exports recorded by every applied stack, by export name. */
  public static Map<String, String> allExports(Path dataDir) {
    Map<String, String> all = new TreeMap<>();
    Path directory = directory(dataDir);
    if (!Files.isDirectory(directory)) {
      return all;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.json")) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        all.putAll(load(dataDir, name.substring(0, name.length() - ".json".length())).exports);
      }
    } catch (IOException e) {
      throw new ApplyException("cannot list " + directory + ": " + e.getMessage(), e);
    }
    return all;
  }

  public String stackName() {
    return stackName;
  }

  /** Applied resources by logical id, in the order they were applied. */
  public Map<String, AppliedResource> resources() {
    return java.util.Collections.unmodifiableMap(resources);
  }

  /** Replaced resources whose deletion is still due. */
  public List<AppliedResource> retired() {
    return List.copyOf(retired);
  }

  public Map<String, String> exports() {
    return java.util.Collections.unmodifiableMap(exports);
  }

  public void put(AppliedResource resource) {
    resources.put(resource.logicalId(), resource);
  }

  public void remove(String logicalId) {
    resources.remove(logicalId);
  }

  public void retire(AppliedResource resource) {
    retired.add(resource);
  }

  public void forgetRetired(AppliedResource resource) {
    retired.remove(resource);
  }

  public void replaceExports(Map<String, String> resolved) {
    exports.clear();
    exports.putAll(resolved);
  }

  /** Writes the file atomically (temp file, fsync, rename). */
  public void save(Path dataDir) {
    ObjectNode json = MAPPER.createObjectNode().put("stackName", stackName);
    ObjectNode byId = json.putObject("resources");
    resources.values().forEach(r -> byId.set(r.logicalId(), toJson(r)));
    ArrayNode retiredJson = json.putArray("retired");
    retired.forEach(r -> retiredJson.add(toJson(r).put("logicalId", r.logicalId())));
    ObjectNode exportsJson = json.putObject("exports");
    exports.forEach(exportsJson::put);
    try {
      Pem.writeAtomically(file(dataDir, stackName), MAPPER.writeValueAsString(json) + "\n");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode toJson(AppliedResource r) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("type", r.type()).put("physicalId", r.physicalId());
    ObjectNode attributes = node.putObject("attributes");
    new TreeMap<>(r.attributes()).forEach(attributes::put);
    node.set("properties", r.properties());
    ArrayNode deps = node.putArray("dependsOn");
    r.dependsOn().forEach(deps::add);
    return node;
  }

  private static AppliedResource resource(String logicalId, JsonNode node) {
    Map<String, String> attributes = new LinkedHashMap<>();
    node.path("attributes")
        .fields()
        .forEachRemaining(e -> attributes.put(e.getKey(), e.getValue().asText()));
    List<String> deps = new ArrayList<>();
    node.path("dependsOn").forEach(d -> deps.add(d.asText()));
    return new AppliedResource(
        logicalId,
        node.path("type").asText(),
        node.path("physicalId").asText(),
        attributes,
        node.path("properties"),
        deps);
  }
}
