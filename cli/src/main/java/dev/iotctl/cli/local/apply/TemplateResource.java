package dev.iotctl.cli.local.apply;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One entry of a template's {@code Resources}.
 *
 * @param logicalId the key in {@code Resources}
 * @param type e.g. {@code AWS::IoT::Thing}
 * @param properties {@code Properties} as written (intrinsics unresolved); an empty object if none
 * @param dependsOn explicit {@code DependsOn}
 * @param condition the {@code Condition} name, or null
 */
public record TemplateResource(
    String logicalId, String type, JsonNode properties, List<String> dependsOn, String condition) {
  public TemplateResource {
    dependsOn = List.copyOf(dependsOn);
  }
}
