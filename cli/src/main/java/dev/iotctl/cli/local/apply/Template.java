package dev.iotctl.cli.local.apply;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * A synthesized CloudFormation template, as far as {@code local apply} reads it.
 *
 * @param stackName from the file name ({@code <Stack>.template.json}), as CDK names it
 * @param resources by logical id, in template order
 * @param parameters {@code Parameters} by name (their {@code Default} is the value)
 * @param conditions {@code Conditions} by name
 * @param exports the {@code Outputs} that have an {@code Export}
 * @param dependsOn stacks that deploy before this one ({@code manifest.json} beside the template),
 *     which CDK records without exports when a stack only has to come after another
 */
public record Template(
    String stackName,
    Map<String, TemplateResource> resources,
    Map<String, JsonNode> parameters,
    Map<String, JsonNode> conditions,
    List<Export> exports,
    List<String> dependsOn) {

  public Template {
    dependsOn = List.copyOf(dependsOn);
  }

  /** A template without recorded stack dependencies. */
  public Template(
      String stackName,
      Map<String, TemplateResource> resources,
      Map<String, JsonNode> parameters,
      Map<String, JsonNode> conditions,
      List<Export> exports) {
    this(stackName, resources, parameters, conditions, exports, List.of());
  }

  /**
   * An exported output; both parts may hold intrinsics.
   *
   * @param outputId the key in {@code Outputs}
   * @param name {@code Export.Name}
   * @param value {@code Value}
   */
  public record Export(String outputId, JsonNode name, JsonNode value) {}
}
