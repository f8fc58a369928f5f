package dev.iotctl.cdk.iot.actions;

import dev.iotctl.cdk.iot.ActionConfig;
import dev.iotctl.cdk.iot.IAction;
import dev.iotctl.cdk.iot.ITopicRule;
import dev.iotctl.cdk.iot.Scopes;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iot.CfnTopicRule;
import software.amazon.awscdk.services.lambda.CfnPermission;
import software.amazon.awscdk.services.lambda.IFunction;

/**
 * Invokes a Lambda function. No role: the function gets a resource policy ({@code
 * AWS::Lambda::Permission}) letting {@code iot.amazonaws.com} invoke it for this rule only, from
 * the deploying account. A function in another account grants that permission itself.
 */
public final class LambdaFunctionAction implements IAction {
  private final IFunction function;

  public LambdaFunctionAction(IFunction function) {
    this.function = Targets.required(function, "lambda function");
  }

  @Override
  public ActionConfig bind(ITopicRule rule) {
    String id = "InvokePermission" + function.getNode().getId();
    if (rule.getNode().tryFindChild(id) == null) {
      CfnPermission.Builder.create(Scopes.of(rule), id)
          .action("lambda:InvokeFunction")
          .functionName(function.getFunctionArn())
          .principal("iot.amazonaws.com")
          .sourceArn(rule.getTopicRuleArn())
          .sourceAccount(Stack.of(rule).getAccount())
          .build();
    }
    return new ActionConfig(
        CfnTopicRule.ActionProperty.builder()
            .lambda(
                CfnTopicRule.LambdaActionProperty.builder()
                    .functionArn(function.getFunctionArn())
                    .build())
            .build());
  }
}
