package dev.iotctl.cli.local.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iot.model.TopicRulePayload;

class TopicRulePayloadsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void readsCloudFormationSpellingIntoTheSdkPayload() throws Exception {
    TopicRulePayload payload =
        TopicRulePayloads.fromCloudFormation(
            MAPPER.readTree(
                """
                {"Actions": [
                   {"DynamoDBv2": {"PutItem": {"TableName": "telemetry"}, "RoleArn": "arn:aws:iam::1:role/r"}},
                   {"Republish": {"Qos": 1, "RoleArn": "arn:aws:iam::1:role/r", "Topic": "alerts/${topic(2)}"}},
                   {"Http": {"Url": "https://example.com/x", "Headers": [{"Key": "k", "Value": "v"}]}}
                 ],
                 "AwsIotSqlVersion": "2016-03-23",
                 "Description": "d",
                 "ErrorAction": {"CloudwatchLogs": {"LogGroupName": "errors", "RoleArn": "arn:aws:iam::1:role/r"}},
                 "RuleDisabled": false,
                 "Sql": "SELECT * FROM 'fleet/+/telemetry'"}
                """));

    assertThat(payload.sql()).isEqualTo("SELECT * FROM 'fleet/+/telemetry'");
    assertThat(payload.awsIotSqlVersion()).isEqualTo("2016-03-23");
    assertThat(payload.ruleDisabled()).isFalse();
    assertThat(payload.actions()).hasSize(3);
    assertThat(payload.actions().get(0).dynamoDBv2().putItem().tableName()).isEqualTo("telemetry");
    assertThat(payload.actions().get(1).republish().qos()).isEqualTo(1);
    assertThat(payload.actions().get(1).republish().topic()).isEqualTo("alerts/${topic(2)}");
    assertThat(payload.actions().get(2).http().headers().get(0).value()).isEqualTo("v");
    assertThat(payload.errorAction().cloudwatchLogs().logGroupName()).isEqualTo("errors");
  }

  @Test
  void anUnknownMemberFails() throws Exception {
    assertThatThrownBy(
            () ->
                TopicRulePayloads.fromCloudFormation(
                    MAPPER.readTree("{\"Sql\": \"SELECT 1 FROM 'a'\", \"Colour\": \"red\"}")))
        .isInstanceOf(ApplyException.class)
        .hasMessageContaining("Colour");
  }
}
