package dev.iotctl.cdk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iotctl.cdk.TestFleets;
import dev.iotctl.cdk.stacks.FleetShardStack;
import dev.iotctl.cdk.stacks.ShardAssignment;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The committed example fleet, synthesized once. */
class ExampleFleetTest {
  private static FleetStacks stacks;
  private static Template core;
  private static Template sensorShard;

  @BeforeAll
  static void synth() {
    stacks = TestFleets.build(TestFleets.REPO.resolve("fleet.yaml"));
    core = Template.fromStack(stacks.core());
    sensorShard = Template.fromStack(stacks.shards().get(ShardAssignment.shardOf("sensor-001", 4)));
  }

  @Test
  void stacksAreCoreAndNonEmptyShards() {
    assertThat(stacks.core().getStackName()).isEqualTo("demo-core");
    assertThat(stacks.shards().values())
        .extracting(FleetShardStack::getStackName)
        .allMatch(n -> n.matches("demo-shard-00[0-3]"));
  }

  @Test
  void shardsDependOnTheCore() {
    stacks.shards().values().forEach(s -> assertThat(s.getDependencies()).contains(stacks.core()));
  }

  @Test
  void thingTypeHasSearchableAttributes() {
    core.hasResourceProperties(
        "AWS::IoT::ThingType",
        Map.of(
            "ThingTypeName",
            "temperature-sensor",
            "ThingTypeProperties",
            Map.of("SearchableAttributes", List.of("model", "site"))));
  }

  @Test
  void childGroupNamesItsParentByReferenceSoItIsCreatedAfterIt() {
    core.hasResourceProperties(
        "AWS::IoT::ThingGroup",
        Map.of(
            "ThingGroupName",
            "line-1",
            "ParentGroupName",
            Map.of("Ref", Match.stringLikeRegexp("ThingGroupsfactoryberlin.*")),
            "ThingGroupProperties",
            Match.anyValue()));
  }

  @Test
  void policySubstitutesPseudoParametersAndKeepsIotVariablesLiteral() {
    core.hasResourceProperties(
        "AWS::IoT::Policy",
        Match.objectLike(
            Map.of(
                "PolicyName",
                "sensor",
                "PolicyDocument",
                Match.objectLike(
                    Map.of(
                        "Statement",
                        Match.arrayWith(
                            List.of(
                                Map.of(
                                    "Effect", "Allow",
                                    "Action", "iot:Connect",
                                    "Resource",
                                        Map.of(
                                            "Fn::Sub",
                                            "arn:${AWS::Partition}:iot:${AWS::Region}:${AWS::AccountId}:client/${!iot:Connection.Thing.ThingName}")))))))));
  }

  @Test
  void ruleRoleHoldsOnlyItsTargets() {
    core.hasResourceProperties(
        "AWS::IAM::Policy",
        Match.objectLike(
            Map.of(
                "Roles",
                List.of(
                    Map.of("Ref", Match.stringLikeRegexp("RulestelemetrytodynamodbActionRole.*"))),
                "PolicyDocument",
                Match.objectLike(
                    Map.of(
                        "Statement",
                        List.of(
                            Match.objectLike(
                                Map.of(
                                    "Action",
                                    List.of(
                                        "logs:CreateLogStream",
                                        "logs:DescribeLogStreams",
                                        "logs:PutLogEvents"))),
                            Match.objectLike(Map.of("Action", "dynamodb:PutItem"))))))));
  }

  @Test
  void ruleHasSqlActionsAndErrorAction() {
    core.hasResourceProperties(
        "AWS::IoT::TopicRule",
        Map.of(
            "RuleName",
            "telemetry_to_dynamodb",
            "TopicRulePayload",
            Match.objectLike(
                Map.of(
                    "AwsIotSqlVersion",
                    "2016-03-23",
                    "RuleDisabled",
                    false,
                    "Actions",
                    List.of(
                        Map.of(
                            "DynamoDBv2",
                            Match.objectLike(Map.of("PutItem", Map.of("TableName", "telemetry"))))),
                    "ErrorAction",
                    Map.of(
                        "CloudwatchLogs",
                        Match.objectLike(Map.of("LogGroupName", "iot-rule-errors")))))));
  }

  @Test
  void thingResourceCarriesOnlyItsName() {
    sensorShard.hasResourceProperties("AWS::IoT::Thing", Map.of("ThingName", "sensor-001"));
  }

  @Test
  void certificateIsSignedFromTheCsr() {
    sensorShard.hasResourceProperties(
        "AWS::IoT::Certificate",
        Map.of(
            "Status",
            "ACTIVE",
            "CertificateSigningRequest",
            Match.stringLikeRegexp("^-----BEGIN CERTIFICATE REQUEST-----\\n[^ ]+")));
  }

  @Test
  void certificateIsAttachedToThingAndPolicy() {
    sensorShard.hasResourceProperties(
        "AWS::IoT::ThingPrincipalAttachment",
        Map.of(
            "ThingName",
            Match.objectLike(Map.of("Ref", Match.anyValue())),
            "Principal",
            Match.anyValue()));
    sensorShard.hasResourceProperties(
        "AWS::IoT::PolicyPrincipalAttachment",
        Map.of(
            "PolicyName",
            "sensor",
            "Principal",
            Match.objectLike(Map.of("Fn::GetAtt", Match.anyValue()))));
  }

  @Test
  void thingTypeAttributesAndGroupsAreBound() {
    sensorShard.hasResourceProperties(
        "Custom::IotctlThingBindings",
        Match.objectLike(
            Map.of(
                "Things",
                Match.arrayWith(
                    List.of(
                        Map.of(
                            "ThingName",
                            Map.of("Ref", Match.stringLikeRegexp("Devicessensor001Thing.*")),
                            "ThingType",
                            "temperature-sensor",
                            "Attributes",
                            Map.of("model", "t1000", "site", "berlin"),
                            "ThingGroups",
                            List.of("line-1")))))));
  }

  @Test
  void certificateArnIsAnOutput() {
    assertThat(sensorShard.findOutputs("*").values())
        .extracting(o -> String.valueOf(((Map<?, ?>) o).get("Description")))
        .contains("Certificate ARN of thing sensor-001");
  }

  @Test
  void privateKeysNeverEnterTemplates() {
    assertThat(sensorShard.toJSON().toString()).doesNotContain("PRIVATE KEY");
  }
}
