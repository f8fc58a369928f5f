package dev.iotctl.cdk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iotctl.cdk.TestFleets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * A fleet that synthesized cleanly and then failed on AWS (issue 12), built once: each test checks
 * that the synthesized templates now deploy.
 */
class FleetDefectsTest {
  @TempDir static Path dir;
  private static FleetStacks stacks;
  private static Template core;
  private static Template shard;

  @BeforeAll
  static void synth() {
    StringBuilder yaml =
        new StringBuilder(
            """
            name: defects
            shards: 1
            thingTypes: [{name: sensor}]
            thingGroups: [{name: plant}, {name: line-1, parent: plant}]
            things:
              - name: typed
                type: sensor
                groups: [line-1]
                attributes: {a1: v, a2: v, a3: v, a4: v, a5: v, a6: v, a7: v, a8: v, a9: v, a10: v}
                policy: p000
                certificate: {csr: csr/device.csr}
            policies:
            """);
    // 205 policies: each used to add an output, and CloudFormation allows 200.
    for (int i = 0; i < 205; i++) {
      yaml.append(String.format("  - {name: p%03d, file: policies/sensor.json}%n", i));
    }
    stacks = TestFleets.build(TestFleets.folder(dir, yaml.toString()));
    core = Template.fromStack(stacks.core());
    shard = Template.fromStack(stacks.shards().values().iterator().next());
  }

  @Test
  void aThingResourceNeverCarriesMoreThanThreeAttributes() {
    // CreateThing refuses a 4th attribute on a thing without a type, and the thing has none yet.
    assertThat(shard.findResources("AWS::IoT::Thing").values())
        .allSatisfy(
            thing ->
                assertThat(attributes((Map<?, ?>) ((Map<?, ?>) thing).get("Properties")))
                    .hasSizeLessThanOrEqualTo(3));
  }

  @Test
  void theBindingsSetTheTypeAndAllTenAttributes() {
    shard.hasResourceProperties(
        "Custom::IotctlThingBindings",
        Match.objectLike(
            Map.of(
                "Things",
                List.of(
                    Match.objectLike(
                        Map.of(
                            "ThingType",
                            "sensor",
                            "Attributes",
                            Match.objectLike(Map.of("a1", "v", "a10", "v"))))))));
  }

  @Test
  void theCoreStaysWithinCloudFormationsOutputLimit() {
    assertThat(core.findOutputs("*")).hasSizeLessThanOrEqualTo(200);
  }

  @Test
  void shardsImportNothingFromTheCore() {
    assertThat(shard.toJSON().toString()).doesNotContain("Fn::ImportValue");
  }

  @Test
  void theCoreExportsNothing() {
    assertThat(core.toJSON().toString()).doesNotContain("Export");
  }

  @Test
  void theBindingsFindTheFunctionByItsFixedName() {
    shard.hasResourceProperties(
        "Custom::IotctlThingBindings",
        Match.objectLike(
            Map.of(
                "ServiceToken",
                Map.of(
                    "Fn::Join",
                    List.of("", Match.arrayWith(List.of(":function:iotctl-defects-bindings")))))));
  }

  @Test
  void aRemovedPolicyOrTypeIsDetachedBeforeTheCoreDeletesIt() {
    core.hasResourceProperties(
        "Custom::IotctlRemovalGuard",
        Match.objectLike(
            Map.of(
                "Policies",
                Match.arrayWith(List.of(Map.of("Ref", Match.stringLikeRegexp("Policiesp204.*")))),
                "ThingTypes",
                List.of(Map.of("Ref", Match.stringLikeRegexp("ThingTypessensor.*"))))));
  }

  @Test
  void theBindingsFailWithinMinutesNotAnHour() {
    shard.hasResourceProperties(
        "Custom::IotctlThingBindings", Match.objectLike(Map.of("ServiceTimeout", "660")));
  }

  @Test
  void theCoreRefusesRegionsWithoutThingTypesAndGroups() {
    assertThat(core.toJSON().get("Rules").toString()).contains("ap-northeast-3", "af-south-1");
  }

  private static Map<?, ?> attributes(Map<?, ?> properties) {
    Object payload = properties.get("AttributePayload");
    return payload == null ? Map.of() : (Map<?, ?>) ((Map<?, ?>) payload).get("Attributes");
  }
}
