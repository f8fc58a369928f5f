package dev.iotctl.cdk.iot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * The Lambda function behind iotctl's custom resources ({@link ThingBindings} and the fleet app's
 * removal guard): inline Python ({@code custom_resources.py}), allowed to set thing types,
 * attributes and group memberships, and, after {@link #allowDetaching()}, to detach policies and
 * clear thing types.
 *
 * <p>Give it a fixed {@code functionName} when other stacks use it ({@link #fromFunctionName}):
 * they find it by that name at deploy time, so no stack exports its ARN and each stack deploys on
 * its own, in any order of edits.
 */
public class ThingBindingsProvider extends Construct implements IThingBindingsProvider {
  /** The handler source, bundled with these constructs and with {@code iotctl local apply}. */
  public static final String HANDLER_RESOURCE = "/dev/iotctl/cdk/iot/custom_resources.py";

  /** The function's own limit; the handler stops a minute earlier to report a clear failure. */
  public static final Duration TIMEOUT = Duration.minutes(10);

  private static final String SINGLETON_ID = "IotctlThingBindingsProvider";

  private final Function function;
  private boolean detaching;

  /**
   * @param functionName a fixed name ({@code [a-zA-Z0-9-_]}, at most 64 characters), or null to let
   *     CloudFormation generate one
   */
  public ThingBindingsProvider(Construct scope, String id, String functionName) {
    super(scope, id);
    this.function =
        Function.Builder.create(this, "Handler")
            .functionName(functionName)
            .runtime(Runtime.PYTHON_3_13)
            .handler("index.handler")
            .code(Code.fromInline(handlerSource()))
            .timeout(TIMEOUT)
            .description("iotctl: thing types, attributes and groups; policy detachment")
            .build();
    Stack stack = Stack.of(this);
    String things = iotArn(stack, "thing");
    function.addToRolePolicy(allow(List.of("iot:UpdateThing"), List.of(things)));
    function.addToRolePolicy(
        allow(
            List.of("iot:AddThingToThingGroup", "iot:RemoveThingFromThingGroup"),
            List.of(things, iotArn(stack, "thinggroup"))));
  }

  /** The provider of {@code scope}'s stack, created there on first use with a generated name. */
  public static ThingBindingsProvider singleton(IConstruct scope) {
    Stack stack = Stack.of(scope);
    IConstruct existing = stack.getNode().tryFindChild(SINGLETON_ID);
    if (existing instanceof ThingBindingsProvider provider) {
      return provider;
    }
    return new ThingBindingsProvider(stack, SINGLETON_ID, null);
  }

  /**
   * The provider deployed elsewhere under {@code functionName}; its ARN is built in the deploying
   * account and region, so nothing is imported from the stack that owns it.
   */
  public static IThingBindingsProvider fromFunctionName(IConstruct scope, String functionName) {
    String arn =
        Stack.of(scope)
            .formatArn(
                ArnComponents.builder()
                    .service("lambda")
                    .resource("function")
                    .resourceName(functionName)
                    .arnFormat(ArnFormat.COLON_RESOURCE_NAME)
                    .build());
    return () -> arn;
  }

  /**
   * Also lets the function detach policies from their targets and clear thing types (the fleet
   * app's removal guard does both before the core stack deletes a policy or a thing type).
   */
  public void allowDetaching() {
    if (detaching) {
      return;
    }
    detaching = true;
    Stack stack = Stack.of(this);
    function.addToRolePolicy(
        allow(List.of("iot:ListTargetsForPolicy"), List.of(iotArn(stack, "policy"))));
    function.addToRolePolicy(
        allow(
            List.of("iot:DetachPolicy"),
            List.of(iotArn(stack, "cert"), iotArn(stack, "thinggroup"))));
    // ListThings has no resource type: it is allowed on all or nothing.
    function.addToRolePolicy(allow(List.of("iot:ListThings"), List.of("*")));
  }

  @Override
  public String getServiceToken() {
    return function.getFunctionArn();
  }

  /** The function. */
  public Function getFunction() {
    return function;
  }

  /** The handler's Python source. */
  public static String handlerSource() {
    try (InputStream in = ThingBindingsProvider.class.getResourceAsStream(HANDLER_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(HANDLER_RESOURCE + " is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static PolicyStatement allow(List<String> actions, List<String> resources) {
    return PolicyStatement.Builder.create().actions(actions).resources(resources).build();
  }

  private static String iotArn(Stack stack, String resource) {
    return stack.formatArn(
        ArnComponents.builder().service("iot").resource(resource).resourceName("*").build());
  }
}
