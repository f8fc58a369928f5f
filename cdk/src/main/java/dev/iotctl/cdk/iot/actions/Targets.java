package dev.iotctl.cdk.iot.actions;

import dev.iotctl.cdk.iot.ITopicRule;
import java.util.List;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.kms.IKey;

/**
 * Targets named by string: their ARN in the rule's account and region, with each substitution
 * template (such as {@code ${topic(2)}}) widened to {@code *} in IAM, since the name is only known
 * per message.
 */
final class Targets {
  private Targets() {}

  /** {@code name} with every {@code ${…}} substitution template replaced by {@code *}. */
  static String wildcard(String name) {
    return name.replaceAll("\\$\\{[^}]*}", "*");
  }

  /** {@code arn:…:<service>:<region>:<account>:<resource>/<name>} (or {@code :} separated). */
  static String arn(
      ITopicRule rule, String service, String resource, String name, ArnFormat format) {
    return Stack.of(rule)
        .formatArn(
            ArnComponents.builder()
                .service(service)
                .resource(resource)
                .resourceName(wildcard(name))
                .arnFormat(format)
                .build());
  }

  /** {@code arn:…:<service>:<region>:<account>:<name>} (SQS queues, SNS topics), for IAM. */
  static String bareArn(ITopicRule rule, String service, String name) {
    return literalBareArn(rule, service, wildcard(name));
  }

  /** The same ARN with the name as given (templates kept), for the action itself. */
  static String literalBareArn(ITopicRule rule, String service, String name) {
    return Stack.of(rule)
        .formatArn(ArnComponents.builder().service(service).resource(name).build());
  }

  static void allow(IRole role, List<String> resources, String... actions) {
    role.addToPrincipalPolicy(
        PolicyStatement.Builder.create().actions(List.of(actions)).resources(resources).build());
  }

  /** Grants {@code actions} on a target's KMS key, when it has one. */
  static void grantKey(IKey key, IRole role, String... actions) {
    if (key != null) {
      key.grant(role, actions);
    }
  }

  static <T> T required(T value, String what) {
    if (value == null) {
      throw new IllegalArgumentException(what + " is required");
    }
    return value;
  }
}
