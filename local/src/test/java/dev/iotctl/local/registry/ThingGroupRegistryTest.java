package dev.iotctl.local.registry;

import static dev.iotctl.local.registry.Fixtures.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThingGroupRegistryTest {
  @TempDir Path dir;
  Registry registry;
  ThingGroupRegistry groups;

  @BeforeEach
  void open() {
    registry = Registry.open(dir);
    groups = registry.thingGroups();
    for (String thing : new String[] {"t1", "t2", "t3"}) {
      registry.things().create(thing, Optional.empty(), Map.of());
    }
  }

  @AfterEach
  void close() {
    registry.close();
  }

  @Test
  void hierarchyReportsAncestorsAndListsRecursively() {
    groups.create("root", Optional.empty(), Optional.of("top"), Map.of());
    groups.create("mid", Optional.of("root"), Optional.empty(), Map.of());
    ThingGroup leaf = groups.create("leaf", Optional.of("mid"), Optional.empty(), Map.of("k", "v"));

    assertThat(leaf.rootToParent().stream().map(ThingGroup.GroupRef::groupName))
        .containsExactly("root", "mid");
    assertThat(leaf.arn()).endsWith(":thinggroup/leaf");
    assertThat(groups.create("leaf", Optional.of("mid"), Optional.empty(), Map.of("k", "v")))
        .isEqualTo(leaf);
    assertAwsError(
        () -> groups.create("leaf", Optional.of("root"), Optional.empty(), Map.of()),
        "ResourceAlreadyExistsException",
        409);
    assertAwsError(
        () -> groups.create("x", Optional.of("missing"), Optional.empty(), Map.of()),
        "ResourceNotFoundException",
        404);

    groups.addThing("leaf", "t1");
    groups.addThing("mid", "t2");
    assertThat(groups.listThings("root", true, null, null).items()).containsExactly("t1", "t2");
    assertThat(groups.listThings("root", false, null, null).items()).isEmpty();
    assertThat(
            groups.list(Optional.of("root"), Optional.empty(), true, null, null).items().stream()
                .map(ThingGroup::name))
        .containsExactly("leaf", "mid");
    assertThat(
            groups.list(Optional.of("root"), Optional.empty(), false, null, null).items().stream()
                .map(ThingGroup::name))
        .containsExactly("mid");
  }

  @Test
  void membershipRules() {
    groups.create("a", Optional.empty(), Optional.empty(), Map.of());
    groups.create("a-child", Optional.of("a"), Optional.empty(), Map.of());
    groups.addThing("a", "t1");
    groups.addThing("a", "t1"); // no-op

    assertAwsError(() -> groups.addThing("a-child", "t1"), "InvalidRequestException", 400);
    for (int i = 0; i < 9; i++) {
      groups.create("g" + i, Optional.empty(), Optional.empty(), Map.of());
      groups.addThing("g" + i, "t1");
    }
    groups.create("g9", Optional.empty(), Optional.empty(), Map.of());
    assertAwsError(() -> groups.addThing("g9", "t1"), "InvalidRequestException", 400);
    assertThat(groups.listGroupsForThing("t1", null, null).items()).hasSize(10);

    groups.removeThing("a", "t1");
    groups.addThing("a-child", "t1");
    assertAwsError(() -> groups.addThing("a", "missing"), "ResourceNotFoundException", 404);
  }

  @Test
  void updateChecksVersionAndDeleteRefusesParents() {
    groups.create("p", Optional.empty(), Optional.empty(), Map.of("a", "1"));
    groups.create("c", Optional.of("p"), Optional.empty(), Map.of());
    groups.addThing("c", "t3");

    ThingGroup updated =
        groups.update(
            "p",
            Optional.of("desc"),
            Optional.of(new AttributePayload(Map.of("b", "2"), true)),
            1L);
    assertThat(updated.attributes()).isEqualTo(Map.of("a", "1", "b", "2"));
    assertThat(updated.version()).isEqualTo(2);
    assertAwsError(
        () -> groups.update("p", Optional.empty(), Optional.empty(), 1L),
        "VersionConflictException",
        409);

    assertAwsError(() -> groups.delete("p", null), "InvalidRequestException", 400);
    groups.delete("c", null);
    groups.delete("p", 2L);
    groups.delete("p", null); // missing: succeeds
    assertThat(groups.list(Optional.empty(), Optional.empty(), false, null, null).items())
        .isEmpty();
    assertThat(registry.things().describe("t3").name()).isEqualTo("t3");
  }
}
