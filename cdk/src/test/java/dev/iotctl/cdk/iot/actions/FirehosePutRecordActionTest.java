package dev.iotctl.cdk.iot.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iotctl.cdk.TestStacks;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.kinesisfirehose.DeliveryStream;

class FirehosePutRecordActionTest {
  private static Template template;

  @BeforeAll
  static void synth() {
    Stack stack = TestStacks.stack();
    ActionTests.rule(
        stack,
        "r",
        FirehosePutRecordAction.builder(
                DeliveryStream.fromDeliveryStreamName(stack, "Stream", "telemetry"))
            .separator("\n")
            .batchMode(true)
            .build());
    template = Template.fromStack(stack);
  }

  @Test
  void putsRecordsWithTheSeparator() {
    ActionTests.hasAction(
        template,
        "r",
        "Firehose",
        Match.objectLike(
            Map.of("DeliveryStreamName", "telemetry", "Separator", "\n", "BatchMode", true)));
  }

  @Test
  void batchModeMayOnlyPutRecordBatches() {
    assertThat(ActionTests.statementsOf(template, "r"))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.get("Action")).isEqualTo("firehose:PutRecordBatch");
              assertThat(s.get("Resource").toString()).contains(":deliverystream/telemetry");
            });
  }

  @Test
  void anUnknownSeparatorIsRefused() {
    assertThatThrownBy(
            () -> FirehosePutRecordAction.builderForStreamName("s").separator(";").build())
        .hasMessageContaining("separator");
  }
}
