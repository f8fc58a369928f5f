package dev.iotctl.cdk.iot.actions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iotctl.cdk.TestStacks;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.kinesis.Stream;
import software.amazon.awscdk.services.kinesis.StreamEncryption;

class KinesisPutRecordActionTest {
  private static Template template;

  @BeforeAll
  static void synth() {
    Stack stack = TestStacks.stack();
    Stream stream = Stream.Builder.create(stack, "Stream").encryption(StreamEncryption.KMS).build();
    ActionTests.rule(
        stack, "r", KinesisPutRecordAction.builder(stream).partitionKey("${topic(2)}").build());
    template = Template.fromStack(stack);
  }

  @Test
  void putsRecordsWithThePartitionKey() {
    ActionTests.hasAction(
        template,
        "r",
        "Kinesis",
        Match.objectLike(
            Map.of(
                "StreamName",
                Map.of("Ref", Match.stringLikeRegexp("Stream.*")),
                "PartitionKey",
                "${topic(2)}")));
  }

  @Test
  void mayPutRecordsOnThatStreamAndUseItsKeyOnly() {
    assertThat(ActionTests.statementsOf(template, "r"))
        .extracting(s -> (Object) s.get("Action"))
        .containsExactlyInAnyOrder("kinesis:PutRecord", "kms:GenerateDataKey");
  }
}
