package dev.iotctl.cdk.iot;

import software.amazon.awscdk.Arn;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Stack;
import software.constructs.IConstruct;

/** ARNs of IoT registry resources ({@code arn:…:iot:<region>:<account>:<kind>/<name>}). */
final class IotArns {
  private IotArns() {}

  /** The ARN of the IoT resource {@code kind/name} in {@code scope}'s account and region. */
  static String arn(IConstruct scope, String kind, String name) {
    return Stack.of(scope)
        .formatArn(
            ArnComponents.builder()
                .service("iot")
                .resource(kind)
                .resourceName(name)
                .arnFormat(ArnFormat.SLASH_RESOURCE_NAME)
                .build());
  }

  /** The name part of an IoT ARN (a token when the ARN is one). */
  static String name(String arn) {
    return Arn.split(arn, ArnFormat.SLASH_RESOURCE_NAME).getResourceName();
  }
}
