package dev.iotctl.cdk.iot.actions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iotctl.cdk.TestStacks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;

class SqsQueueActionTest {
  private static Template template;

  @BeforeAll
  static void synth() {
    Stack stack = TestStacks.stack();
    Queue queue = Queue.Builder.create(stack, "Queue").encryption(QueueEncryption.KMS).build();
    ActionTests.rule(stack, "owned", SqsQueueAction.builder(queue).useBase64(true).build());
    ActionTests.rule(stack, "named", SqsQueueAction.builderForQueueName("commands").build());
    template = Template.fromStack(stack);
  }

  @Test
  void sendsToTheQueueUrl() {
    ActionTests.hasAction(
        template,
        "owned",
        "Sqs",
        Match.objectLike(
            Map.of(
                "QueueUrl", Map.of("Ref", Match.stringLikeRegexp("Queue.*")), "UseBase64", true)));
  }

  @Test
  void mayOnlySendAndEncryptWithTheQueuesKey() {
    List<Map<?, ?>> statements = ActionTests.statementsOf(template, "owned");
    assertThat(statements)
        .extracting(s -> (Object) s.get("Action"))
        .containsExactlyInAnyOrder(
            "sqs:SendMessage", List.of("kms:GenerateDataKey", "kms:Decrypt"));
  }

  @Test
  void aNamedQueueIsInTheDeployingAccountAndRegion() {
    ActionTests.hasAction(
        template,
        "named",
        "Sqs",
        Match.objectLike(
            Map.of(
                "QueueUrl",
                Map.of(
                    "Fn::Sub",
                    "https://sqs.${AWS::Region}.${AWS::URLSuffix}/${AWS::AccountId}/commands"))));
  }
}
