package dev.iotctl.cdk.iot.actions;

import dev.iotctl.cdk.TestStacks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;

class LambdaFunctionActionTest {
  private static Template template;

  @BeforeAll
  static void synth() {
    Stack stack = TestStacks.stack();
    Function function =
        Function.Builder.create(stack, "Fn")
            .runtime(Runtime.PYTHON_3_13)
            .handler("index.handler")
            .code(Code.fromInline("def handler(e, c): pass"))
            .build();
    ActionTests.rule(stack, "r", new LambdaFunctionAction(function));
    template = Template.fromStack(stack);
  }

  @Test
  void invokesTheFunction() {
    ActionTests.hasAction(
        template,
        "r",
        "Lambda",
        Map.of(
            "FunctionArn", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("Fn.*"), "Arn"))));
  }

  @Test
  void iotMayInvokeItForThisRuleFromThisAccountOnly() {
    template.hasResourceProperties(
        "AWS::Lambda::Permission",
        Map.of(
            "Action",
            "lambda:InvokeFunction",
            "FunctionName",
            Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("Fn.*"), "Arn")),
            "Principal",
            "iot.amazonaws.com",
            "SourceArn",
            Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("r.*"), "Arn")),
            "SourceAccount",
            Map.of("Ref", "AWS::AccountId")));
  }

  @Test
  void needsNoRole() {
    template.resourceCountIs("AWS::IAM::Policy", 0);
  }
}
