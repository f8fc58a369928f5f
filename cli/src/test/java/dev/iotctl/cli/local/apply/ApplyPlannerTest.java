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
    assertThat(Fixtures.template("fleet-core.template.json").stackName()).isEqualTo("fleet-core");
  }

  @Test
  void skipsOtherServicesAndListsThem() {
    ApplyPlan plan =
        planner.plan(
            Fixtures.template("fleet-core.template.json"), AppliedState.empty("fleet-core"));

    assertThat(plan.skipped())
        .extracting(ApplyPlan.Skipped::logicalId, ApplyPlan.Skipped::type)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("RulesalertsRole469E5415", "AWS::IAM::Role"),
            org.assertj.core.groups.Tuple.tuple(
                "ThingBindingsHandler38A42834", "AWS::Lambda::Function"),
            org.assertj.core.groups.Tuple.tuple("CDKMetadata", "AWS::CDK::Metadata"));
    assertThat(plan.skipped()).allMatch(s -> s.reason().equals("not an IoT resource"));
    assertThat(plan.apply())
        .extracting(p -> p.resource().logicalId())
        .containsExactly(
            "ThingTypessensor435D41D1",
            "ThingGroupsplant46355967",
            "ThingGroupsline15531F5DE",
            "PoliciessensorPolicy895A0A22",
            "RulesalertsRule1D6BF3A7");
    assertThat(plan.remove()).isEmpty();
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
    ApplyPlan plan =
        planner.plan(
            Fixtures.template("fleet-shard-000.template.json"),
            AppliedState.empty("fleet-shard-000"));
    List<String> order = plan.apply().stream().map(p -> p.resource().logicalId()).toList();

    assertThat(order.indexOf("Devicesdevice001CertificateA62F8DA4"))
        .isLessThan(order.indexOf("Devicesdevice001ThingAttachmentB8A32AAB"))
        .isLessThan(order.indexOf("Devicesdevice001PolicyAttachment398D6852"));
    assertThat(order.get(order.size() - 1)).isEqualTo("DevicesBindings7878D311");
    ApplyPlan.Planned attachment =
        plan.apply().stream()
            .filter(p -> p.resource().logicalId().equals("Devicesdevice001ThingAttachmentB8A32AAB"))
            .findFirst()
            .orElseThrow();
    assertThat(attachment.dependsOn())
        .containsExactlyInAnyOrder(
            "Devicesdevice001CertificateA62F8DA4", "Devicesdevice001Thing6388DE5E");
    assertThat(plan.skipped()).isEmpty();
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
  void ordersStacksByTheirImports() {
    Template shard = Fixtures.template("fleet-shard-000.template.json");
    Template core = Fixtures.template("fleet-core.template.json");

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
    state.put(applied("Devicesdevice001Thing6388DE5E", "AWS::IoT::Thing", "device-001", List.of()));
    state.save(dir);

    ApplyPlan plan =
        planner.plan(
            Fixtures.template("fleet-shard-000.template.json"),
            AppliedState.load(dir, "fleet-shard-000"));

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
