package dev.iotctl.cli.local.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApplyPlannerTest {
  private final ApplyPlanner planner =
      new ApplyPlanner(PseudoParameters.of("eu-central-1", "123456789012"));

  @Test
  void readsTheStackNameFromTheFileName() {
    assertThat(Fixtures.template(Fixtures.FULL, Fixtures.CORE).stackName()).isEqualTo("fleet-core");
  }

  @Test
  void skipsOtherServicesAndListsThem() {
    ApplyPlan plan =
        planner.plan(
            Fixtures.template(Fixtures.FULL, Fixtures.CORE), AppliedState.empty("fleet-core"));

    assertThat(plan.skipped())
        .extracting(ApplyPlan.Skipped::type)
        .containsExactlyInAnyOrder(
            "AWS::IAM::Role",
            "AWS::IAM::Policy",
            "AWS::IAM::Role",
            "AWS::IAM::Policy",
            "AWS::Lambda::Function",
            "AWS::CDK::Metadata");
    assertThat(plan.skipped()).allMatch(s -> s.reason().equals("not an IoT resource"));
    assertThat(plan.apply())
        .extracting(ApplyPlan.Planned::kind)
        .containsExactlyInAnyOrder(
            ResourceKind.THING_TYPE,
            ResourceKind.THING_GROUP,
            ResourceKind.THING_GROUP,
            ResourceKind.POLICY,
            ResourceKind.POLICY,
            ResourceKind.TOPIC_RULE,
            ResourceKind.REMOVAL_GUARD);
    assertThat(plan.remove()).isEmpty();
  }

  @Test
  void aParentGroupAndWhatTheGuardProtectsComeFirst() {
    Template core = Fixtures.template(Fixtures.FULL, Fixtures.CORE);
    List<String> order =
        planner.plan(core, AppliedState.empty("fleet-core")).apply().stream()
            .map(p -> p.resource().logicalId())
            .toList();
    String plant = Fixtures.logicalId(core, "AWS::IoT::ThingGroup", "ThingGroupName", "plant");
    String line = Fixtures.logicalId(core, "AWS::IoT::ThingGroup", "ThingGroupName", "line-1");
    String guard = Fixtures.logicalIds(core, "Custom::IotctlRemovalGuard").get(0);
    assertThat(order.indexOf(plant)).isLessThan(order.indexOf(line));
    for (String guarded : Fixtures.logicalIds(core, "AWS::IoT::Policy")) {
      assertThat(order.indexOf(guarded)).isLessThan(order.indexOf(guard));
    }
  }

  @Test
  void aFalseConditionSkipsAnIoTResource() {
    Template template =
        TemplateReader.parse(
            "s",
            json(
                """
                {"Conditions": {"InProd": {"Fn::Equals": [{"Ref": "AWS::Region"}, "us-east-1"]}},
                 "Resources": {"T": {"Type": "AWS::IoT::Thing", "Condition": "InProd",
                                     "Properties": {"ThingName": "t"}}}}
                """));

    ApplyPlan plan = planner.plan(template, AppliedState.empty("s"));

    assertThat(plan.apply()).isEmpty();
    assertThat(plan.skipped())
        .containsExactly(
            new ApplyPlan.Skipped("T", "AWS::IoT::Thing", "condition InProd is false"));
  }

  @Test
  void ordersResourcesAfterWhatTheyReferTo() {
    Template shard = Fixtures.template(Fixtures.FULL, Fixtures.SHARD);
    ApplyPlan plan = planner.plan(shard, AppliedState.empty(Fixtures.SHARD));
    List<String> order = plan.apply().stream().map(p -> p.resource().logicalId()).toList();
    String thing = Fixtures.logicalId(shard, "AWS::IoT::Thing", "ThingName", "device-001");
    String certificate =
        Fixtures.logicalIds(shard, "AWS::IoT::Certificate").stream()
            .filter(id -> id.startsWith("Devicesdevice001"))
            .findFirst()
            .orElseThrow();
    String attachment =
        Fixtures.logicalIds(shard, "AWS::IoT::ThingPrincipalAttachment").stream()
            .filter(id -> id.startsWith("Devicesdevice001"))
            .findFirst()
            .orElseThrow();

    String bindings = Fixtures.logicalIds(shard, "Custom::IotctlThingBindings").get(0);
    assertThat(order.indexOf(certificate)).isLessThan(order.indexOf(attachment));
    for (String t : Fixtures.logicalIds(shard, "AWS::IoT::Thing")) {
      assertThat(order.indexOf(t)).isLessThan(order.indexOf(bindings));
    }
    assertThat(
            plan.apply().stream()
                .filter(p -> p.resource().logicalId().equals(attachment))
                .findFirst()
                .orElseThrow()
                .dependsOn())
        .containsExactlyInAnyOrder(certificate, thing);
  }

  @Test
  void circularReferencesFail() {
    Template template =
        TemplateReader.parse(
            "s",
            json(
                """
                {"Resources": {
                  "A": {"Type": "AWS::IoT::Thing", "Properties": {"ThingName": {"Ref": "B"}}},
                  "B": {"Type": "AWS::IoT::Thing", "Properties": {"ThingName": {"Ref": "A"}}}}}
                """));

    assertThatThrownBy(() -> planner.plan(template, AppliedState.empty("s")))
        .isInstanceOf(ApplyException.class)
        .hasMessageContaining("circular");
  }

  @Test
  void ordersStacksByTheCloudAssemblysDependencies() {
    // The shard imports nothing from the core; manifest.json says it deploys after it.
    Template shard = Fixtures.template(Fixtures.FULL, Fixtures.SHARD);
    Template core = Fixtures.template(Fixtures.FULL, Fixtures.CORE);

    assertThat(shard.dependsOn()).containsExactly("fleet-core");
    assertThat(planner.orderStacks(List.of(shard, core))).containsExactly(core, shard);
    assertThat(planner.orderStacks(List.of(shard))).containsExactly(shard);
  }

  @Test
  void plansRemovalOfWhatTheTemplateNoLongerHasAttachmentsFirst(@TempDir Path dir) {
    AppliedState state = AppliedState.empty("fleet-shard-000");
    state.put(applied("Gone", "AWS::IoT::Thing", "device-009", List.of()));
    state.put(applied("GoneCert", "AWS::IoT::Certificate", "abc", List.of()));
    state.put(
        applied(
            "GoneThingAttachment",
            "AWS::IoT::ThingPrincipalAttachment",
            "device-009|arn",
            List.of("Gone", "GoneCert")));
    state.put(
        applied(
            "GonePolicyAttachment",
            "AWS::IoT::PolicyPrincipalAttachment",
            "sensor|arn",
            List.of("GoneCert")));
    Template shard = Fixtures.template(Fixtures.SHRUNK, Fixtures.SHARD);
    state.put(
        applied(
            Fixtures.logicalId(shard, "AWS::IoT::Thing", "ThingName", "device-001"),
            "AWS::IoT::Thing",
            "device-001",
            List.of()));
    state.save(dir);

    ApplyPlan plan = planner.plan(shard, AppliedState.load(dir, "fleet-shard-000"));

    List<String> removed = plan.remove().stream().map(AppliedResource::logicalId).toList();
    assertThat(removed)
        .containsExactlyInAnyOrder(
            "Gone", "GoneCert", "GoneThingAttachment", "GonePolicyAttachment");
    assertThat(removed.indexOf("GoneThingAttachment")).isLessThan(removed.indexOf("Gone"));
    assertThat(removed.indexOf("GoneThingAttachment")).isLessThan(removed.indexOf("GoneCert"));
    assertThat(removed.indexOf("GonePolicyAttachment")).isLessThan(removed.indexOf("GoneCert"));
    assertThat(removed.indexOf("Gone")).isLessThan(removed.indexOf("GoneCert"));
  }

  @Test
  void aResourceWhoseTypeChangedIsRemovedAndPlannedAnew() {
    AppliedState state = AppliedState.empty("s");
    state.put(applied("X", "AWS::IoT::ThingGroup", "x", List.of()));
    Template template =
        TemplateReader.parse(
            "s",
            json("{\"Resources\": {\"X\": {\"Type\": \"AWS::IoT::Thing\", \"Properties\": {}}}}"));

    ApplyPlan plan = planner.plan(template, state);

    assertThat(plan.remove())
        .extracting(AppliedResource::type)
        .containsExactly("AWS::IoT::ThingGroup");
    assertThat(plan.apply()).extracting(p -> p.kind()).containsExactly(ResourceKind.THING);
  }

  @Test
  void changeDecisionFollowsCloudFormationsUpdateBehaviour() {
    var thing =
        json("{\"ThingName\": \"t\", \"AttributePayload\": {\"Attributes\": {\"a\": \"1\"}}}");
    assertThat(ResourceKind.THING.decide(thing, thing.deepCopy()))
        .isEqualTo(ResourceKind.Change.UNCHANGED);
    assertThat(
            ResourceKind.THING.decide(
                thing, json("{\"ThingName\": \"t\", \"AttributePayload\": {\"Attributes\": {}}}")))
        .isEqualTo(ResourceKind.Change.UPDATE);
    assertThat(ResourceKind.THING.decide(thing, json("{\"ThingName\": \"u\"}")))
        .isEqualTo(ResourceKind.Change.REPLACE);
    assertThat(
            ResourceKind.CERTIFICATE.decide(
                json("{\"CertificateSigningRequest\": \"a\", \"Status\": \"ACTIVE\"}"),
                json("{\"CertificateSigningRequest\": \"a\", \"Status\": \"INACTIVE\"}")))
        .isEqualTo(ResourceKind.Change.UPDATE);
    assertThat(
            ResourceKind.POLICY_PRINCIPAL_ATTACHMENT.decide(
                json("{\"PolicyName\": \"p\", \"Principal\": \"a\"}"),
                json("{\"PolicyName\": \"p\", \"Principal\": \"b\"}")))
        .isEqualTo(ResourceKind.Change.REPLACE);
  }

  @Test
  void generatedNamesAreStableAndValid() {
    var noName = JsonNodeFactory.instance.objectNode();
    String name = ResourceKind.TOPIC_RULE.physicalName("my-stack", "Rule1", noName);

    assertThat(name).matches("[a-zA-Z0-9_]+").startsWith("my_stack_Rule1_");
    assertThat(ResourceKind.TOPIC_RULE.physicalName("my-stack", "Rule1", noName)).isEqualTo(name);
    assertThat(ResourceKind.THING.physicalName("s", "T", json("{\"ThingName\": \"t1\"}")))
        .isEqualTo("t1");
    assertThat(ResourceKind.CERTIFICATE.physicalName("s", "C", noName)).isNull();
  }

  private static AppliedResource applied(
      String logicalId, String type, String physicalId, List<String> dependsOn) {
    return new AppliedResource(
        logicalId, type, physicalId, Map.of(), JsonNodeFactory.instance.objectNode(), dependsOn);
  }

  private static com.fasterxml.jackson.databind.JsonNode json(String text) {
    try {
      return new ObjectMapper().readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
