package dev.iotctl.core.policy;

import java.util.List;

/** Shorthand for tests: the AWS docs' region and account, contexts and one-policy evaluation. */
final class Eval {
  static final String REGION = "us-east-1";
  static final String ACCOUNT = "123456789012";

  private Eval() {}

  static AuthorizationResult eval(
      String json, String action, String resource, PolicyContext context) {
    return PolicyEvaluator.evaluate(
        List.of(new NamedPolicy("p", PolicyDocument.parse(json))),
        new AuthorizationRequest(action, resource, context));
  }

  static boolean allowed(String json, String action, String resource, PolicyContext context) {
    return eval(json, action, resource, context).allowed();
  }

  /** A registered device: client id = thing name, thing attached to its certificate. */
  static PolicyContext thing(String name) {
    return PolicyContext.builder().clientId(name).thingName(name).isAttached(true).build();
  }

  /** A device whose certificate has no thing attached. */
  static PolicyContext unregistered(String clientId) {
    return PolicyContext.builder().clientId(clientId).build();
  }

  static String client(String id) {
    return IotArns.client(REGION, ACCOUNT, id);
  }

  static String topic(String topic) {
    return IotArns.topic(REGION, ACCOUNT, topic);
  }

  static String filter(String filter) {
    return IotArns.topicFilter(REGION, ACCOUNT, filter);
  }

  static String thingArn(String name) {
    return IotArns.thing(REGION, ACCOUNT, name);
  }
}
