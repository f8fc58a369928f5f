package dev.iotctl.core.topic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReservedTopicsTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "sensor/temp, NOT_RESERVED",
    "'', NOT_RESERVED",
    "$aws/things/t/shadow/update, SHADOW",
    "$aws/things/t/shadow/name/s/get/accepted, SHADOW",
    "$aws/things/t/shadow/unknown, OTHER_RESERVED",
    "$aws/things/t/jobs/get, JOBS",
    "$aws/things/t/jobs/job1/update/accepted, JOBS",
    "$aws/things/t/jobs/notify-next, JOBS",
    "$aws/things/t/defender/metrics/json, DEFENDER",
    "$aws/things/t/tunnels/notify, TUNNELS",
    "$aws/things/t/streams/s1/data/cbor, STREAMS",
    "$aws/things/bad thing/jobs/get, OTHER_RESERVED",
    "$aws/rules/myRule, BASIC_INGEST",
    "$aws/rules/myRule/sensors/temp, BASIC_INGEST",
    "$aws/rules/bad-rule/x, OTHER_RESERVED",
    "$aws/events/presence/connected/client-1, PRESENCE_EVENTS",
    "$aws/events/presence/disconnected/client-1, PRESENCE_EVENTS",
    "$aws/events/subscriptions/subscribed/c, SUBSCRIPTION_EVENTS",
    "$aws/events/thing/t/created, REGISTRY_EVENTS",
    "$aws/events/thingGroupMembership/thingGroup/g/thing/t/added, REGISTRY_EVENTS",
    "$aws/events/job/j1/completed, JOB_EVENTS",
    "$aws/events/jobExecution/j1/succeeded, JOB_EVENTS",
    "$aws/events/certificates/registered/abc, CERTIFICATE_EVENTS",
    "$aws/certificates/create/json, FLEET_PROVISIONING",
    "$aws/provisioning-templates/tpl/provision/json/accepted, FLEET_PROVISIONING",
    "$aws/sitewise/asset-models/m/assets/a/properties/p, SITEWISE",
    "$aws/unknown, OTHER_RESERVED",
    "$SYS/broker, OTHER_RESERVED",
  })
  void classifies(String topic, ReservedTopicFamily family) {
    assertThat(ReservedTopics.classify(topic)).isEqualTo(family);
    assertThat(ReservedTopics.isReserved(topic))
        .isEqualTo(family != ReservedTopicFamily.NOT_RESERVED);
  }

  @Test
  void basicIngestRuleAndTopic() {
    assertThat(ReservedTopics.basicIngestRuleName("$aws/rules/myRule/a/b")).contains("myRule");
    assertThat(ReservedTopics.basicIngestRuleName("$aws/rules/my-rule/a")).isEmpty();
    assertThat(ReservedTopics.basicIngestRuleName("a/b")).isEmpty();
    assertThat(ReservedTopics.withoutBasicIngestPrefix("$aws/rules/myRule/a/b")).isEqualTo("a/b");
    assertThat(ReservedTopics.withoutBasicIngestPrefix("$aws/rules/myRule")).isEmpty();
    assertThat(ReservedTopics.withoutBasicIngestPrefix("a/b")).isEqualTo("a/b");
  }

  @ParameterizedTest(name = "publish {0} -> {1}")
  @CsvSource({
    "sensor/temp, true",
    "$aws/things/t/shadow/update, true",
    "$aws/things/t/shadow/get, true",
    "$aws/things/t/shadow/delete, true",
    "$aws/things/t/shadow/name/s/update, true",
    "$aws/things/t/shadow/update/accepted, false",
    "$aws/things/t/shadow/update/rejected, false",
    "$aws/things/t/shadow/update/delta, false",
    "$aws/things/t/shadow/update/documents, false",
    "$aws/things/t/shadow/name/s/get/accepted, false",
    "$aws/things/t/shadow/delete/accepted, false",
    "$aws/things/t/jobs/get, true",
    "$aws/things/t/jobs/start-next, true",
    "$aws/things/t/jobs/job1/get, true",
    "$aws/things/t/jobs/job1/update, true",
    "$aws/things/t/jobs/fw/extra/get, true",
    "$aws/things/t/jobs/get/accepted, false",
    "$aws/things/t/jobs/job1/update/accepted, false",
    "$aws/things/t/jobs/notify, false",
    "$aws/things/t/jobs/notify-next, false",
    "$aws/things/t/defender/metrics/json, true",
    "$aws/things/t/defender/metrics/json/accepted, false",
    "$aws/things/t/streams/s1/get/cbor, true",
    "$aws/things/t/streams/s1/describe/json, true",
    "$aws/things/t/streams/s1/data/cbor, false",
    "$aws/things/t/tunnels/notify, false",
    "$aws/certificates/create/json, true",
    "$aws/certificates/create-from-csr/cbor, true",
    "$aws/certificates/create/json/accepted, false",
    "$aws/provisioning-templates/tpl/provision/json, true",
    "$aws/provisioning-templates/tpl/provision/json/rejected, false",
    "$aws/rules/myRule, true",
    "$aws/rules/myRule/a/b, true",
    "$aws/rules/bad-rule/a, false",
    "$aws/events/presence/connected/c1, false",
    "$aws/sitewise/asset-models/m/assets/a/properties/p, false",
    "$aws/unknown, false",
    "$SYS/broker, false",
  })
  void clientMayPublish(String topic, boolean allowed) {
    assertThat(ReservedTopics.clientMayPublish(topic)).isEqualTo(allowed);
  }

  @ParameterizedTest(name = "subscribe {0} -> {1}")
  @CsvSource({
    "sensor/#, true",
    "#, true",
    "$aws/things/t/shadow/update/accepted, true",
    "$aws/things/t/shadow/update, true",
    "$aws/things/t/shadow/name/s/get/rejected, true",
    "$aws/things/t/jobs/notify-next, true",
    "$aws/things/t/jobs/get/accepted, true",
    "$aws/things/t/jobs/get, false",
    "$aws/things/t/defender/metrics/json, false",
    "$aws/things/t/defender/metrics/json/accepted, true",
    "$aws/things/t/tunnels/notify, true",
    "$aws/things/t/streams/s1/data/cbor, true",
    "$aws/events/presence/connected/c1, true",
    "$aws/certificates/create/json/accepted, true",
    "$aws/certificates/create/json, false",
    "$aws/rules/myRule, false",
    "$aws/rules/myRule/a, false",
    "$aws/unknown, false",
    "$SYS/broker, false",
    "$aws/things/+/shadow/#, true",
    "$aws/things/t/#, true",
    "$aws/things/+/+/update, true",
    "$aws/things/t/unknown/#, false",
    "$aws/events/#, true",
    "$aws/+/x, true",
    "$aws/#, true",
    "$aws/rules/#, false",
    "$aws/rules/+/a, false",
    "$SYS/#, false",
  })
  void clientMaySubscribe(String filter, boolean allowed) {
    assertThat(ReservedTopics.clientMaySubscribe(filter)).isEqualTo(allowed);
  }
}
