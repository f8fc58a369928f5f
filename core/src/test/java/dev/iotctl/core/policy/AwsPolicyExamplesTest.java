package dev.iotctl.core.policy;

import static dev.iotctl.core.policy.Eval.allowed;
import static dev.iotctl.core.policy.Eval.client;
import static dev.iotctl.core.policy.Eval.eval;
import static dev.iotctl.core.policy.Eval.filter;
import static dev.iotctl.core.policy.Eval.thing;
import static dev.iotctl.core.policy.Eval.topic;
import static dev.iotctl.core.policy.Eval.unregistered;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The policy examples of the AWS IoT Core developer guide (connect, publish/subscribe, thing and
 * basic-variable examples), each with a case AWS allows and one it denies.
 */
class AwsPolicyExamplesTest {

  @Test
  void connectWithOneClientId() {
    String policy =
        """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["iot:Connect"],
         "Resource":["arn:aws:iot:us-east-1:123456789012:client/client1"]}]}""";

    assertThat(allowed(policy, "iot:Connect", client("client1"), unregistered("client1"))).isTrue();
    assertThat(allowed(policy, "iot:Connect", client("client2"), unregistered("client2")))
        .isFalse();
  }

  @Test
  void denyTwoClientIdsAllowThingNames() {
    String policy =
        """
        {"Version":"2012-10-17","Statement":[
         {"Effect":"Deny","Action":["iot:Connect"],"Resource":[
           "arn:aws:iot:us-east-1:123456789012:client/client1",
           "arn:aws:iot:us-east-1:123456789012:client/client2"]},
         {"Effect":"Allow","Action":["iot:Connect"],"Resource":[
           "arn:aws:iot:us-east-1:123456789012:client/${iot:Connection.Thing.ThingName}"]}]}""";

    assertThat(allowed(policy, "iot:Connect", client("thing9"), thing("thing9"))).isTrue();
    AuthorizationResult denied = eval(policy, "iot:Connect", client("client1"), thing("client1"));
    assertThat(denied.decision()).isEqualTo(Decision.EXPLICIT_DENY);
    assertThat(denied.decidingStatements()).containsExactly(new StatementRef("p", 0, null));
    assertThat(allowed(policy, "iot:Connect", client("thing9"), unregistered("thing9"))).isFalse();
  }

  @Test
  void persistentConnectOnlyWithForAllValues() {
    String policy =
        """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["iot:Connect"],
         "Resource":"*","Condition":{"ForAllValues:StringEquals":{
           "iot:ConnectAttributes":["PersistentConnect"]}}}]}""";

    assertThat(allowed(policy, "iot:Connect", client("c"), attrs("PersistentConnect"))).isTrue();
    assertThat(allowed(policy, "iot:Connect", client("c"), attrs("PersistentConnect", "LastWill")))
        .isFalse();
  }

  @Test
  void persistentConnectForbiddenWithForAllValuesStringNotEquals() {
    String policy =
        """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["iot:Connect"],
         "Resource":"*","Condition":{"ForAllValues:StringNotEquals":{
           "iot:ConnectAttributes":["PersistentConnect"]}}}]}""";

    assertThat(allowed(policy, "iot:Connect", client("c"), attrs("LastWill"))).isTrue();
    assertThat(allowed(policy, "iot:Connect", client("c"), attrs("LastWill", "PersistentConnect")))
        .isFalse();
  }

  @Test
  void persistentConnectDeniedWithForAnyValue() {
    String policy =
        """
        {"Version":"2012-10-17","Statement":[
         {"Effect":"Allow","Action":["iot:Connect"],"Resource":"*"},
         {"Effect":"Deny","Action":["iot:Connect"],"Resource":"*","Condition":{
           "ForAnyValue:StringEquals":{"iot:ConnectAttributes":["PersistentConnect"]}}}]}""";

    assertThat(allowed(policy, "iot:Connect", client("c"), attrs("LastWill"))).isTrue();
    assertThat(
            eval(policy, "iot:Connect", client("c"), attrs("LastWill", "PersistentConnect"))
                .decision())
        .isEqualTo(Decision.EXPLICIT_DENY);
  }

  @Test
  void publishUnderOwnThingName() {
    String policy =
        """
        {"Version":"2012-10-17","Statement":[
         {"Effect":"Allow","Action":["iot:Connect"],"Resource":[
           "arn:aws:iot:us-east-1:123456789012:client/${iot:Connection.Thing.ThingName}"]},
         {"Effect":"Allow","Action":["iot:Publish"],"Resource":[
           "arn:aws:iot:us-east-1:123456789012:topic/${iot:Connection.Thing.ThingName}/*"]}]}""";

    assertThat(allowed(policy, "iot:Publish", topic("thing1/a/b"), thing("thing1"))).isTrue();
    assertThat(allowed(policy, "iot:Publish", topic("thing2/a"), thing("thing1"))).isFalse();
  }

  @Test
  void publishUnderOwnClientIdForUnregisteredDevices() {
    String policy =
        """
        {"Version":"2012-10-17","Statement":[
         {"Effect":"Allow","Action":["iot:Connect"],"Resource":[
           "arn:aws:iot:us-east-1:123456789012:client/client1",
           "arn:aws:iot:us-east-1:123456789012:client/client2",
           "arn:aws:iot:us-east-1:123456789012:client/client3"]},
         {"Effect":"Allow","Action":["iot:Publish"],"Resource":[
           "arn:aws:iot:us-east-1:123456789012:topic/${iot:ClientId}/*"]}]}""";

    assertThat(allowed(policy, "iot:Connect", client("client3"), unregistered("client3"))).isTrue();
    assertThat(allowed(policy, "iot:Connect", client("client4"), unregistered("client4")))
        .isFalse();
    assertThat(allowed(policy, "iot:Publish", topic("client2/x"), unregistered("client2")))
        .isTrue();
    assertThat(allowed(policy, "iot:Publish", topic("client1/x"), unregistered("client2")))
        .isFalse();
  }

  @Test
  void subscribeAndReceiveRoomTopics() {
    String policy =
        """
        {"Version":"2012-10-17","Statement":[
         {"Effect":"Allow","Action":["iot:Subscribe"],"Resource":[
           "arn:aws:iot:us-east-1:123456789012:topicfilter/${iot:Connection.Thing.ThingName}/room*"]},
         {"Effect":"Allow","Action":["iot:Receive"],"Resource":[
           "arn:aws:iot:us-east-1:123456789012:topic/${iot:Connection.Thing.ThingName}/room*"]}]}""";

    assertThat(allowed(policy, "iot:Subscribe", filter("thing1/room1"), thing("thing1"))).isTrue();
    assertThat(allowed(policy, "iot:Receive", topic("thing1/room2"), thing("thing1"))).isTrue();
    assertThat(allowed(policy, "iot:Subscribe", filter("thing1/kitchen"), thing("thing1")))
        .isFalse();
    assertThat(allowed(policy, "iot:Receive", topic("thing2/room1"), thing("thing1"))).isFalse();
  }

  @Test
  void mqttWildcardsInResourcesAreLiteral() {
    String policy =
        """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["iot:Subscribe"],
         "Resource":["arn:aws:iot:us-east-1:123456789012:topicfilter/some/+/topic"]}]}""";

    assertThat(allowed(policy, "iot:Subscribe", filter("some/+/topic"), thing("t"))).isTrue();
    assertThat(allowed(policy, "iot:Subscribe", filter("some/sensor/topic"), thing("t"))).isFalse();
    assertThat(allowed(policy, "iot:Subscribe", filter("some/#"), thing("t"))).isFalse();
  }

  @Test
  void starInTopicFilterMatchesAnyString() {
    String policy =
        """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["iot:Subscribe"],
         "Resource":["arn:aws:iot:us-east-1:123456789012:topicfilter/some/*/topic"]}]}""";

    assertThat(allowed(policy, "iot:Subscribe", filter("some/string1/topic"), thing("t"))).isTrue();
    assertThat(allowed(policy, "iot:Subscribe", filter("some/+/topic"), thing("t"))).isTrue();
    assertThat(allowed(policy, "iot:Subscribe", filter("other/x/topic"), thing("t"))).isFalse();
  }

  @Test
  void questionMarkMatchesExactlyOneCharacter() {
    String policy =
        """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["iot:Publish"],
         "Resource":["arn:aws:iot:us-east-1:123456789012:topic/some/?????/topic"]}]}""";

    assertThat(allowed(policy, "iot:Publish", topic("some/abcde/topic"), thing("t"))).isTrue();
    assertThat(allowed(policy, "iot:Publish", topic("some/abcd/topic"), thing("t"))).isFalse();
    assertThat(allowed(policy, "iot:Publish", topic("some/ab/de/topic"), thing("t"))).isTrue();
  }

  @Test
  void subscribeToTwoNamedTopics() {
    String policy =
        """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["iot:Subscribe"],
         "Resource":["arn:aws:iot:us-east-1:123456789012:topicfilter/my/topic",
                     "arn:aws:iot:us-east-1:123456789012:topicfilter/my/othertopic"]}]}""";

    assertThat(allowed(policy, "iot:Subscribe", filter("my/othertopic"), thing("t"))).isTrue();
    assertThat(allowed(policy, "iot:Subscribe", filter("my/third"), thing("t"))).isFalse();
  }

  @Test
  void denyReceiveWhileSubscribeIsAllowed() {
    String policy =
        """
        {"Version":"2012-10-17","Statement":[
         {"Effect":"Allow","Action":"iot:Subscribe",
          "Resource":"arn:aws:iot:us-east-1:123456789012:topicfilter/device/update"},
         {"Effect":"Deny","Action":"iot:Receive",
          "Resource":"arn:aws:iot:us-east-1:123456789012:topic/device/update"}]}""";

    assertThat(allowed(policy, "iot:Subscribe", filter("device/update"), thing("t"))).isTrue();
    assertThat(eval(policy, "iot:Receive", topic("device/update"), thing("t")).decision())
        .isEqualTo(Decision.EXPLICIT_DENY);
  }

  @Test
  void receiveEverythingButRestrictedWithNotResource() {
    String policy =
        """
        {"Version":"2012-10-17","Statement":[
         {"Effect":"Allow","Action":"iot:Subscribe",
          "Resource":"arn:aws:iot:us-east-1:123456789012:topicfilter/a/*"},
         {"Effect":"Allow","Action":"iot:Receive",
          "NotResource":"arn:aws:iot:us-east-1:123456789012:topic/a/restricted/*"}]}""";

    assertThat(allowed(policy, "iot:Subscribe", filter("a/#"), thing("t"))).isTrue();
    assertThat(allowed(policy, "iot:Receive", topic("a/open/1"), thing("t"))).isTrue();
    assertThat(eval(policy, "iot:Receive", topic("a/restricted/1"), thing("t")).decision())
        .isEqualTo(Decision.IMPLICIT_DENY);
  }

  @Test
  void connectOnlyWhenAttached() {
    String policy =
        """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["iot:Connect"],
         "Resource":["*"],"Condition":{"Bool":{"iot:Connection.Thing.IsAttached":["true"]}}}]}""";

    assertThat(allowed(policy, "iot:Connect", client("t1"), thing("t1"))).isTrue();
    assertThat(allowed(policy, "iot:Connect", client("t1"), unregistered("t1"))).isFalse();
  }

  @Test
  void publishWhenThingTypeAndAttributeMatch() {
    String policy =
        """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["iot:Publish"],
         "Resource":"arn:aws:iot:us-east-1:123456789012:topic/device/stats",
         "Condition":{"StringEquals":{"iot:Connection.Thing.Attributes[attributeName]":"attributeValue",
           "iot:Connection.Thing.ThingTypeName":"Thing_Type_Name"},
          "Bool":{"iot:Connection.Thing.IsAttached":"true"}}}]}""";
    PolicyContext matching = typed("Thing_Type_Name", Map.of("attributeName", "attributeValue"));
    PolicyContext otherValue = typed("Thing_Type_Name", Map.of("attributeName", "other"));
    PolicyContext otherType = typed("Other_Type", Map.of("attributeName", "attributeValue"));

    assertThat(allowed(policy, "iot:Publish", topic("device/stats"), matching)).isTrue();
    assertThat(allowed(policy, "iot:Publish", topic("device/stats"), otherValue)).isFalse();
    assertThat(allowed(policy, "iot:Publish", topic("device/stats"), otherType)).isFalse();
  }

  @Test
  void publishUnderThingAttributeTopic() {
    String policy =
        """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["iot:Publish"],
         "Resource":"arn:aws:iot:us-east-1:123456789012:topic/${iot:Connection.Thing.Attributes[attributeName]}/*"}]}""";
    PolicyContext context = typed("T", Map.of("attributeName", "building7"));

    assertThat(allowed(policy, "iot:Publish", topic("building7/temp"), context)).isTrue();
    assertThat(allowed(policy, "iot:Publish", topic("building8/temp"), context)).isFalse();
    // Not attached: the variable is not resolved and access is denied.
    assertThat(allowed(policy, "iot:Publish", topic("building7/temp"), unregistered("T")))
        .isFalse();
  }

  @Test
  void clientIdTopicWithSourceIpCondition() {
    String policy =
        """
        {"Version":"2012-10-17","Statement":[
         {"Effect":"Allow","Action":["iot:Connect"],
          "Resource":["arn:aws:iot:us-east-1:123456789012:client/clientid1"]},
         {"Effect":"Allow","Action":["iot:Publish"],
          "Resource":["arn:aws:iot:us-east-1:123456789012:topic/my/topic/${iot:ClientId}"],
          "Condition":{"IpAddress":{"aws:SourceIp":"123.45.167.89"}}}]}""";
    PolicyContext fromThere =
        PolicyContext.builder().clientId("clientid1").sourceIp("123.45.167.89").build();
    PolicyContext fromElsewhere =
        PolicyContext.builder().clientId("clientid1").sourceIp("123.45.167.90").build();

    assertThat(allowed(policy, "iot:Publish", topic("my/topic/clientid1"), fromThere)).isTrue();
    assertThat(allowed(policy, "iot:Publish", topic("my/topic/clientid1"), fromElsewhere))
        .isFalse();
  }

  @Test
  void domainNameVariable() {
    String policy =
        """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["iot:Connect"],
         "Resource":"*","Condition":{"StringEquals":{"iot:DomainName":["iot.example.com"]}}}]}""";
    PolicyContext right =
        PolicyContext.builder().clientId("c").domainName("iot.example.com").build();
    PolicyContext wrong =
        PolicyContext.builder().clientId("c").domainName("other.example.com").build();

    assertThat(allowed(policy, "iot:Connect", client("c"), right)).isTrue();
    assertThat(allowed(policy, "iot:Connect", client("c"), wrong)).isFalse();
  }

  private static PolicyContext attrs(String... connectAttributes) {
    return PolicyContext.builder()
        .clientId("c")
        .value("iot:ConnectAttributes", connectAttributes)
        .build();
  }

  private static PolicyContext typed(String type, Map<String, String> attributes) {
    return PolicyContext.builder()
        .clientId("T")
        .thingName("T")
        .isAttached(true)
        .thingTypeName(type)
        .thingAttributes(attributes)
        .build();
  }
}
