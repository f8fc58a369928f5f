package dev.iotctl.cdk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iotctl.cdk.TestFleets;
import dev.iotctl.cdk.stacks.ShardAssignment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.cxapi.CloudAssembly;

/**
 * Adding one device must change exactly one shard's template: the core lists no devices, no shard
 * refers to another, and nothing in a template depends on what else the fleet holds.
 */
class OneDeviceOneShardTest {
  private static final int DEVICES = 12;
  private static final String ADDED = String.format("device-%03d", DEVICES);

  @TempDir static Path dir;
  private static Map<String, String> before;
  private static Map<String, String> after;

  @BeforeAll
  static void synth() {
    before = templates(TestFleets.build(TestFleets.folder(dir.resolve("a"), fleetYaml(DEVICES))));
    after =
        templates(TestFleets.build(TestFleets.folder(dir.resolve("b"), fleetYaml(DEVICES + 1))));
  }

  @Test
  void exactlyTheShardOfTheNewDeviceChanges() {
    List<String> changed = new ArrayList<>();
    after.forEach(
        (stack, template) -> {
          if (!template.equals(before.get(stack))) {
            changed.add(stack);
          }
        });
    assertThat(changed)
        .containsExactly(String.format("grow-shard-%03d", ShardAssignment.shardOf(ADDED, 4)));
  }

  @Test
  void noStackAppearsOrDisappears() {
    assertThat(after.keySet()).isEqualTo(before.keySet());
  }

  private static String fleetYaml(int devices) {
    StringBuilder yaml =
        new StringBuilder(
            "name: grow\nshards: 4\nthingTypes: [{name: sensor}]\n"
                + "thingGroups: [{name: all}]\npolicies: [{name: sensor}]\nthings:\n");
    for (int i = 0; i < devices; i++) {
      yaml.append(
          String.format(
              "  - {name: device-%03d, type: sensor, groups: [all], attributes: {n: '%d'},"
                  + " policy: sensor, certificate: {csr: csr/device.csr}}%n",
              i, i));
    }
    return yaml.toString();
  }

  /** Every stack's template, from one synthesis of the app. */
  private static Map<String, String> templates(FleetStacks stacks) {
    CloudAssembly assembly = ((App) stacks.core().getNode().getRoot()).synth();
    Map<String, String> out = new TreeMap<>();
    List<Stack> all = new ArrayList<>(stacks.shards().values());
    all.add(stacks.core());
    all.forEach(
        s ->
            out.put(
                s.getStackName(),
                assembly.getStackByName(s.getStackName()).getTemplate().toString()));
    return out;
  }
}
