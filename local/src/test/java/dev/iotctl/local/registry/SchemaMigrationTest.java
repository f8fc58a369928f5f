package dev.iotctl.local.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iotctl.core.error.IotException;
import dev.iotctl.local.store.Database;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A registry written by an older stand-in opens with every later schema step applied. */
class SchemaMigrationTest {
  @TempDir Path dir;

  @Test
  void aFirstVersionRegistryLosesItsVisibleOperatorPolicyAndGainsTheNewTables() {
    List<String> firstStepOnly = new Schema().steps().subList(0, 1);
    try (Database old = Database.open(dir.resolve(Registry.FILE_NAME), () -> firstStepOnly)) {
      old.write(
          tx -> {
            tx.update(
                "INSERT INTO policies (name, default_version, last_version, created_at,"
                    + " last_modified_at, generation_id) VALUES ('iotctl-operator', 1, 1, 0, 0, 'g')");
            tx.update(
                "INSERT INTO policy_versions (policy_name, version_id, document, created_at)"
                    + " VALUES ('iotctl-operator', 1, '{}', 0)");
            tx.update(
                "INSERT INTO policy_targets (policy_name, target)"
                    + " VALUES ('iotctl-operator', 'arn:aws:iot:us-east-1:000000000000:cert/ab')");
            tx.update(
                "INSERT INTO thing_groups (name, group_id, attributes, version, created_at)"
                    + " VALUES ('kept', 'id', '{}', 1, 0)");
            return null;
          });
    }

    try (Registry registry = Registry.open(dir)) {
      assertThat(registry.policies().list(null, null).items()).isEmpty();
      assertThatThrownBy(() -> registry.policies().get("iotctl-operator"))
          .isInstanceOf(IotException.class);
      assertThat(registry.thingGroups().describe("kept").name()).isEqualTo("kept");
      registry.tags().tag("arn:aws:iot:us-east-1:000000000000:thinggroup/kept", Map.of("k", "v"));
      assertThat(
              registry
                  .tags()
                  .list("arn:aws:iot:us-east-1:000000000000:thinggroup/kept", null, null)
                  .items())
          .containsExactly(new Tag("k", "v"));
      registry.logging().setOptions(Optional.empty(), Optional.empty(), Optional.empty());
      assertThat(registry.logging().options().defaultLogLevel()).isEqualTo(LogLevel.ERROR);
    }
  }
}
