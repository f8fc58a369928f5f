package dev.iotctl.cdk.examples;

import dev.iotctl.cdk.iot.DeviceCertificate;
import dev.iotctl.cdk.iot.DeviceCertificateProps;
import dev.iotctl.cdk.iot.DevicePolicy;
import dev.iotctl.cdk.iot.DevicePolicyProps;
import dev.iotctl.cdk.iot.IotSql;
import dev.iotctl.cdk.iot.Thing;
import dev.iotctl.cdk.iot.ThingGroup;
import dev.iotctl.cdk.iot.ThingGroupProps;
import dev.iotctl.cdk.iot.ThingProps;
import dev.iotctl.cdk.iot.ThingType;
import dev.iotctl.cdk.iot.ThingTypeProps;
import dev.iotctl.cdk.iot.TopicRule;
import dev.iotctl.cdk.iot.TopicRuleProps;
import dev.iotctl.cdk.iot.actions.DynamoDbV2PutItemAction;
import dev.iotctl.cdk.iot.actions.SnsTopicAction;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.sns.Topic;
import software.constructs.Construct;

/** The plain CDK app of cdk/README.md: the constructs without fleet.yaml, in one stack. */
public class PlainIotApp extends Stack {
  public PlainIotApp(Construct scope, String id, String policyDocument, Path csr) {
    super(scope, id);
    ThingType sensor =
        new ThingType(
            this,
            "Sensor",
            ThingTypeProps.builder()
                .thingTypeName("sensor")
                .searchableAttributes(List.of("site"))
                .build());
    ThingGroup plant =
        new ThingGroup(this, "Plant", ThingGroupProps.builder().thingGroupName("plant").build());
    DevicePolicy policy =
        new DevicePolicy(
            this,
            "Policy",
            DevicePolicyProps.builder().policyName("sensor").document(policyDocument).build());

    Thing thing =
        new Thing(
            this,
            "Sensor001",
            ThingProps.builder()
                .thingName("sensor-001")
                .thingType(sensor) // a type allows up to 50 attributes
                .attributes(Map.of("site", "berlin", "model", "t1000", "batch", "7", "rev", "2"))
                .build());
    plant.addThing(thing);
    DeviceCertificate certificate =
        new DeviceCertificate(
            this, "Sensor001Cert", DeviceCertificateProps.builder().csrFile(csr).build());
    certificate.attachToThing(thing);
    policy.attachTo(certificate);

    Table readings =
        Table.Builder.create(this, "Readings")
            .partitionKey(Attribute.builder().name("device").type(AttributeType.STRING).build())
            .build();
    Topic alerts = Topic.Builder.create(this, "Alerts").build();
    TopicRule rule =
        new TopicRule(
            this,
            "Telemetry",
            TopicRuleProps.builder()
                .sql(
                    IotSql.fromStringAsVer20160323(
                        "SELECT *, topic(2) AS device FROM 'fleet/+/telemetry'"))
                .actions(List.of(new DynamoDbV2PutItemAction(readings))) // dynamodb:PutItem only
                .build());
    rule.addAction(SnsTopicAction.builder(alerts).messageFormat("JSON").build()); // sns:Publish
  }
}
