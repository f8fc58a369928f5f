package dev.iotctl.cli.output;

import com.fasterxml.jackson.databind.JsonNode;

/** A JSON scalar as the AWS CLI prints it in text and table output (Python's {@code str}). */
final class Scalars {
  private Scalars() {}

  static boolean isScalar(JsonNode node) {
    return !node.isContainerNode();
  }

  static String text(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return "None";
    }
    if (node.isBoolean()) {
      return node.booleanValue() ? "True" : "False";
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isFloatingPointNumber()) {
      double d = node.doubleValue();
      if (d == Math.rint(d) && Math.abs(d) < 1e16) {
        return String.format("%.1f", d);
      }
      return Double.toString(d).replace("E", "e+").replace("e+-", "e-");
    }
    return node.asText();
  }
}
