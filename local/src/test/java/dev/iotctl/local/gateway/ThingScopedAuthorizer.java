package dev.iotctl.local.gateway;

/**
 * A policy stand-in for gateway tests, keyed by the attached policy's name: {@code operator} allows
 * everything; {@code thing} lets a client connect as one of its attached things and publish and
 * receive under {@code things/<clientId>/} and {@code $aws/things/<clientId>/}, and subscribe to
 * any filter under {@code things/} or {@code $aws/things/<clientId>/}; anything else allows
 * nothing.
 */
final class ThingScopedAuthorizer implements GatewayAuthorizer {

  @Override
  public boolean isAllowed(ConnectionPrincipal p, String action, String arn) {
    boolean operator = p.device().policies().stream().anyMatch(x -> x.name().equals("operator"));
    if (operator) {
      return true;
    }
    if (p.device().policies().stream().noneMatch(x -> x.name().equals("thing"))) {
      return false;
    }
    String c = p.clientId();
    String resource = arn.substring(arn.indexOf(':', arn.indexOf(":iot:") + 5 + 1) + 1);
    resource = resource.substring(resource.indexOf(':') + 1);
    return switch (action) {
      case "iot:Connect" ->
          resource.equals("client/" + c) && p.device().attachedThing(c).isPresent();
      case "iot:Publish", "iot:Receive" ->
          resource.startsWith("topic/things/" + c + "/")
              || resource.startsWith("topic/$aws/things/" + c + "/");
      case "iot:Subscribe" ->
          resource.startsWith("topicfilter/things/")
              || resource.startsWith("topicfilter/$aws/things/" + c + "/");
      default -> false;
    };
  }
}
