package dev.iotctl.local.registry;

import dev.iotctl.core.topic.IotLimits;
import dev.iotctl.core.topic.IotNames;
import java.util.Map;

/**
 * AWS IoT's constraints on attributes and their number; names themselves follow {@link IotNames}
 * (AWS's validation messages).
 */
final class Names {
  private Names() {}

  static void attributes(Map<String, String> attributes) {
    for (Map.Entry<String, String> attribute : attributes.entrySet()) {
      if (!IotNames.ATTRIBUTE_NAME.isValid(attribute.getKey())) {
        throw Errors.invalid("Invalid attribute name: " + attribute.getKey());
      }
      if (!IotNames.ATTRIBUTE_VALUE.isValid(attribute.getValue())) {
        throw Errors.invalid(
            "Invalid value for attribute " + attribute.getKey() + ": " + attribute.getValue());
      }
    }
  }

  /**
   * "Things with a thing type can have up to 50 attributes. Things without a thing type can have up
   * to three attributes." (Thing types, AWS IoT developer guide.)
   */
  static void thingAttributeCount(Map<String, String> attributes, boolean hasType) {
    int max =
        hasType ? IotLimits.THING_ATTRIBUTES_WITH_TYPE : IotLimits.THING_ATTRIBUTES_WITHOUT_TYPE;
    if (attributes.size() > max) {
      throw Errors.invalid(
          (hasType ? "A thing with a thing type" : "A thing without a thing type")
              + " can have at most "
              + max
              + " attributes; got "
              + attributes.size()
              + ".");
    }
  }

  /** A thing group's attributes, at most as many as a typed thing's. */
  static void groupAttributeCount(Map<String, String> attributes) {
    if (attributes.size() > IotLimits.THING_ATTRIBUTES_WITH_TYPE) {
      throw Errors.invalid(
          "A thing group can have at most "
              + IotLimits.THING_ATTRIBUTES_WITH_TYPE
              + " attributes; got "
              + attributes.size()
              + ".");
    }
  }
}
