package dev.iotctl.cdk.constructs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.constructs.Construct;

/**
 * The Lambda function behind {@link ThingBindings}: inline Python, allowed only to set thing types
 * and change thing-group membership.
 */
public class ThingBindingsProvider extends Construct {
  private final Function function;

  public ThingBindingsProvider(Construct scope, String id) {
    super(scope, id);
    this.function =
        Function.Builder.create(this, "Handler")
            .runtime(Runtime.PYTHON_3_13)
            .handler("index.handler")
            .code(Code.fromInline(handlerSource()))
            .timeout(Duration.minutes(5))
            .description("iotctl: thing types and thing-group memberships")
            .build();
    Stack stack = Stack.of(this);
    String things = iotArn(stack, "thing");
    String groups = iotArn(stack, "thinggroup");
    function.addToRolePolicy(
        PolicyStatement.Builder.create()
            .actions(List.of("iot:UpdateThing"))
            .resources(List.of(things))
            .build());
    function.addToRolePolicy(
        PolicyStatement.Builder.create()
            .actions(List.of("iot:AddThingToThingGroup", "iot:RemoveThingFromThingGroup"))
            .resources(List.of(things, groups))
            .build());
  }

  /** The function ARN custom resources name as their ServiceToken. */
  public String getServiceToken() {
    return function.getFunctionArn();
  }

  private static String iotArn(Stack stack, String resource) {
    return stack.formatArn(
        ArnComponents.builder().service("iot").resource(resource).resourceName("*").build());
  }

  private static String handlerSource() {
    try (InputStream in = ThingBindingsProvider.class.getResourceAsStream("thing_bindings.py")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
