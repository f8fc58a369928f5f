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
import software.amazon.awscdk.services.cloudwatch.Alarm;

class CloudWatchSetAlarmStateActionTest {
  private static final String ALARM = "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:overheat";
  private static Template template;

  @BeforeAll
  static void synth() {
    Stack stack = TestStacks.stack();
    ActionTests.rule(
        stack,
        "r",
        CloudWatchSetAlarmStateAction.builder(Alarm.fromAlarmArn(stack, "Alarm", ALARM), "ALARM")
            .reason("temperature ${temperature}")
            .build());
    template = Template.fromStack(stack);
  }

  @Test
  void setsTheAlarmsState() {
    ActionTests.hasAction(
        template,
        "r",
        "CloudwatchAlarm",
        Match.objectLike(
            Map.of(
                "AlarmName", "overheat",
                "StateValue", "ALARM",
                "StateReason", "temperature ${temperature}")));
  }

  @Test
  void mayOnlySetThatAlarmsState() {
    assertThat(ActionTests.statementsOf(template, "r"))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.get("Action")).isEqualTo("cloudwatch:SetAlarmState");
              assertThat(s.get("Resource")).isEqualTo(ALARM);
            });
  }

  @Test
  void anUnknownStateIsRefused() {
    assertThatThrownBy(
            () ->
                new CloudWatchSetAlarmStateAction(
                    Alarm.fromAlarmArn(TestStacks.stack(), "Other", ALARM), "RED"))
        .hasMessageContaining("alarm state must be OK, ALARM or INSUFFICIENT_DATA");
  }
}
