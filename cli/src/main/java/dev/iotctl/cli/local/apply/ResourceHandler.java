package dev.iotctl.cli.local.apply;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** Creates, updates, checks and deletes one kind of resource through the IoT API. */
interface ResourceHandler {

  /**
   * What a created resource is called: {@code Ref} and {@code Fn::GetAtt} values.
   *
   * @param id the physical id ({@code Ref})
   * @param attributes {@code Fn::GetAtt} attributes by name
   */
  record Physical(String id, Map<String, String> attributes) {}

  /**
   * Creates the resource.
   *
   * @param name the physical name for named kinds (given or generated), else null
   * @param properties resolved properties
   */
  Physical create(String name, JsonNode properties);

  /** Changes an existing resource in place to {@code properties}. */
  void update(AppliedResource applied, JsonNode properties);

  /** Whether the applied resource still exists on the target. */
  boolean exists(AppliedResource applied);

  /** Deletes it; a resource already gone is not an error. */
  void delete(AppliedResource applied);
}
