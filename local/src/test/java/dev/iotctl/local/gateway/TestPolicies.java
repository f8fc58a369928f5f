package dev.iotctl.local.gateway;

import java.util.Map;

/**
 * Real AWS IoT policy documents for the gateway tests, by name: {@code thing} lets a client connect
 * only as a thing attached to its certificate, publish and receive under {@code things/<thing>/}
 * and {@code $aws/things/<thing>/}, and subscribe to any filter under {@code things/} or {@code
 * $aws/things/<thing>/}; {@code operator} allows everything.
 */
final class TestPolicies {
  private TestPolicies() {}

  private static final String ARN = "arn:aws:iot:us-east-1:123456789012:";
  private static final String THING = "${iot:Connection.Thing.ThingName}";

  static final Map<String, String> BY_NAME =
      Map.of(
          "thing",
          """
          {"Version":"2012-10-17","Statement":[
            {"Effect":"Allow","Action":"iot:Connect","Resource":"%1$sclient/%2$s"},
            {"Effect":"Allow","Action":["iot:Publish","iot:Receive"],
             "Resource":["%1$stopic/things/%2$s/*","%1$stopic/$aws/things/%2$s/*"]},
            {"Effect":"Allow","Action":"iot:Subscribe",
             "Resource":["%1$stopicfilter/things/*","%1$stopicfilter/$aws/things/%2$s/*"]}]}
          """
              .formatted(ARN, THING),
          "operator",
          """
          {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iot:*","Resource":"*"}]}
          """);

  static String document(String name) {
    return BY_NAME.getOrDefault(name, "{\"Version\":\"2012-10-17\",\"Statement\":[]}");
  }
}
