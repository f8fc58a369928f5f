package dev.iotctl.cdk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iotctl.cdk.TestFleets;
import dev.iotctl.cdk.stacks.CoreStack;
import dev.iotctl.cdk.stacks.FleetShardStack;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.assertions.Template;

/** A 1,000-device fleet, built once (and once more with 10 devices added). */
class ShardingTest {
  private static final int DEVICES = 1000;

  @TempDir static Path dir;
  private static FleetStacks fleet;
  private static FleetStacks grown;

  @BeforeAll
  static void build() {
    fleet = TestFleets.build(TestFleets.folder(dir.resolve("a"), fleetYaml(DEVICES)));
    grown = TestFleets.build(TestFleets.folder(dir.resolve("b"), fleetYaml(DEVICES + 10)));
  }

  private static String fleetYaml(int devices) {
    StringBuilder yaml =
        new StringBuilder(
            "name: big\nshards: 16\nthingTypes: [{name: sensor}]\nthingGroups: [{name: all}]\n"
                + "policies: [{name: sensor}]\nthings:\n");
    for (int i = 0; i < devices; i++) {
      yaml.append(
          String.format(
              "  - {name: device-%05d, type: sensor, groups: [all], policy: sensor,"
                  + " certificate: {csr: csr/device.csr}}%n",
              i));
    }
    return yaml.toString();
  }

  @Test
  void everyDeviceIsInExactlyOneShard() {
    assertThat(fleet.shards().values().stream().mapToInt(s -> s.getThingNames().size()).sum())
        .isEqualTo(DEVICES);
  }

  @Test
  void everyShardStaysUnderTheBudget() {
    assertThat(fleet.shards().values())
        .allSatisfy(s -> assertThat(s.getResourceCount()).isLessThan(CoreStack.RESOURCE_BUDGET));
  }

  @Test
  void synthesizedShardHasTheCountedResources() {
    FleetShardStack largest =
        fleet.shards().values().stream()
            .max(Comparator.comparingInt(FleetShardStack::getResourceCount))
            .orElseThrow();
    Map<?, ?> resources = (Map<?, ?>) Template.fromStack(largest).toJSON().get("Resources");
    // Template.fromStack leaves out CDK's metadata resource (cdk synth adds one more).
    assertThat(resources).hasSize(largest.getResourceCount());
    assertThat(resources.size()).isLessThan(CoreStack.RESOURCE_BUDGET);
  }

  @Test
  void devicesKeepTheirStackWhenTenAreAdded() {
    Map<String, String> before = stackOfEachThing(fleet);
    Map<String, String> after = stackOfEachThing(grown);
    assertThat(after).hasSize(DEVICES + 10);
    before.forEach((thing, stack) -> assertThat(after.get(thing)).as(thing).isEqualTo(stack));
  }

  private static Map<String, String> stackOfEachThing(FleetStacks stacks) {
    Map<String, String> out = new HashMap<>();
    stacks
        .shards()
        .values()
        .forEach(s -> s.getThingNames().forEach(t -> out.put(t, s.getStackName())));
    return out;
  }
}
