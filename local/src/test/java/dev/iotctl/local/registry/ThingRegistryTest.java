package dev.iotctl.local.registry;

import static dev.iotctl.local.registry.Fixtures.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iotctl.local.store.Page;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThingRegistryTest {
  @TempDir Path dir;
  final TestClock clock = new TestClock();
  Registry registry;
  ThingRegistry things;

  @BeforeEach
  void open() {
    registry =
        Registry.open(
            dir,
            new RegistryConfig("eu-west-1", "123456789012"),
            clock,
            PolicyDocumentValidator.JSON_OBJECT);
    things = registry.things();
  }

  @AfterEach
  void close() {
    registry.close();
  }

  @Test
  void createIsIdempotentForTheSameDefinitionOnly() {
    Thing created = things.create("sensor-1", Optional.empty(), Map.of("room", "kitchen"));

    assertThat(created.arn()).isEqualTo("arn:aws:iot:eu-west-1:123456789012:thing/sensor-1");
    assertThat(created.version()).isEqualTo(1);
    assertThat(created.id()).hasSize(36);
    assertThat(things.create("sensor-1", Optional.empty(), Map.of("room", "kitchen")))
        .isEqualTo(created);
    assertAwsError(
        () -> things.create("sensor-1", Optional.empty(), Map.of("room", "hall")),
        "ResourceAlreadyExistsException",
        409);
  }

  @Test
  void invalidNamesAndAttributesAreRefused() {
    assertAwsError(
        () -> things.create("bad name", Optional.empty(), Map.of()),
        "InvalidRequestException",
        400);
    assertAwsError(
        () -> things.create("t", Optional.empty(), Map.of("k", "spaces not allowed")),
        "InvalidRequestException",
        400);
    Map<String, String> tooMany = new HashMap<>();
    IntStream.range(0, 51).forEach(i -> tooMany.put("a" + i, "v"));
    assertAwsError(
        () -> things.create("t", Optional.empty(), tooMany), "InvalidRequestException", 400);
    assertAwsError(() -> things.describe("missing"), "ResourceNotFoundException", 404);
  }

  @Test
  void updateMergesOrReplacesAttributesAndChecksTheVersion() {
    things.create("t", Optional.empty(), Map.of("a", "1", "b", "2"));

    Thing merged =
        things.update(
            "t",
            new ThingUpdate(
                Optional.empty(),
                false,
                Optional.of(new AttributePayload(Map.of("b", "", "c", "3"), true)),
                1L));
    assertThat(merged.attributes()).isEqualTo(Map.of("a", "1", "c", "3"));
    assertThat(merged.version()).isEqualTo(2);

    assertAwsError(
        () -> things.update("t", new ThingUpdate(Optional.empty(), false, Optional.empty(), 1L)),
        "VersionConflictException",
        409);

    Thing replaced =
        things.update(
            "t",
            new ThingUpdate(
                Optional.empty(),
                false,
                Optional.of(new AttributePayload(Map.of("z", "9"), false)),
                null));
    assertThat(replaced.attributes()).isEqualTo(Map.of("z", "9"));
    assertThat(things.describe("t").version()).isEqualTo(3);
  }

  @Test
  void deleteIsIdempotentChecksTheVersionAndRefusesWhilePrincipalsAreAttached() {
    things.delete("never-existed", null);
    things.create("t", Optional.empty(), Map.of());
    Certificate cert =
        registry
            .certificates()
            .register(
                Fixtures.deviceCertificatePem("t"),
                CertificateStatus.ACTIVE,
                CertificateMode.DEFAULT,
                Optional.empty());
    registry.thingPrincipals().attach("t", cert.arn(), ThingPrincipalType.NON_EXCLUSIVE_THING);

    assertAwsError(() -> things.delete("t", 7L), "VersionConflictException", 409);
    assertAwsError(() -> things.delete("t", null), "InvalidRequestException", 400);

    registry.thingPrincipals().detach("t", cert.arn());
    things.delete("t", 1L);
    assertAwsError(() -> things.describe("t"), "ResourceNotFoundException", 404);
  }

  @Test
  void listFiltersByTypeAndAttributeAndPagesStably() {
    registry.thingTypes().create("lamp", Optional.of("a lamp"), List.of("room"));
    things.create("a", Optional.of("lamp"), Map.of("room", "kitchen"));
    things.create("b", Optional.empty(), Map.of("room", "kitchen-2"));
    things.create("c", Optional.of("lamp"), Map.of("room", "hall"));
    things.create("d", Optional.empty(), Map.of());

    assertThat(names(things.list(filter(null, null, "lamp", false), null, null)))
        .containsExactly("a", "c");
    assertThat(names(things.list(filter("room", "kitchen", null, false), null, null)))
        .containsExactly("a");
    assertThat(names(things.list(filter("room", "kitchen", null, true), null, null)))
        .containsExactly("a", "b");
    assertThat(names(things.list(filter("room", null, null, false), null, null)))
        .containsExactly("a", "b", "c");

    Page<Thing> first = things.list(ThingFilter.none(), 3, null);
    assertThat(names(first)).containsExactly("a", "b", "c");
    things.create("aa", Optional.empty(), Map.of()); // inserted before the cursor: not repeated
    Page<Thing> second = things.list(ThingFilter.none(), 3, first.nextToken().orElseThrow());
    assertThat(names(second)).containsExactly("d");
    assertThat(second.nextToken()).isEmpty();
    assertAwsError(
        () -> things.list(ThingFilter.none(), 3, "bogus!"), "InvalidRequestException", 400);
    assertAwsError(() -> things.list(ThingFilter.none(), 0, null), "InvalidRequestException", 400);
  }

  @Test
  void thingTypesDeprecateAndDeleteAfterFiveMinutes() {
    ThingTypeRegistry types = registry.thingTypes();
    ThingType type = types.create("lamp", Optional.empty(), List.of());
    assertThat(type.arn()).isEqualTo("arn:aws:iot:eu-west-1:123456789012:thingtype/lamp");
    assertAwsError(
        () -> types.create("lamp", Optional.empty(), List.of()),
        "ResourceAlreadyExistsException",
        409);
    assertAwsError(
        () -> things.create("x", Optional.of("nope"), Map.of()), "ResourceNotFoundException", 404);

    types.deprecate("lamp", false);
    assertThat(types.describe("lamp").deprecated()).isTrue();
    assertAwsError(
        () -> things.create("x", Optional.of("lamp"), Map.of()), "InvalidRequestException", 400);
    assertAwsError(() -> types.delete("lamp"), "InvalidRequestException", 400);

    clock.advance(Duration.ofMinutes(5));
    types.delete("lamp");
    assertAwsError(() -> types.describe("lamp"), "ResourceNotFoundException", 404);
  }

  @Test
  void typeInUseCannotBeDeletedAndUndoDeprecateRestoresUse() {
    ThingTypeRegistry types = registry.thingTypes();
    types.create("lamp", Optional.empty(), List.of());
    things.create("x", Optional.of("lamp"), Map.of());
    types.deprecate("lamp", false);
    clock.advance(Duration.ofMinutes(6));
    assertAwsError(() -> types.delete("lamp"), "InvalidRequestException", 400);

    types.deprecate("lamp", true);
    things.create("y", Optional.of("lamp"), Map.of());
    Thing untyped =
        things.update("x", new ThingUpdate(Optional.empty(), true, Optional.empty(), null));
    assertThat(untyped.typeName()).isEmpty();
  }

  private static ThingFilter filter(String attribute, String value, String type, boolean prefix) {
    return new ThingFilter(
        Optional.ofNullable(attribute),
        Optional.ofNullable(value),
        Optional.ofNullable(type),
        prefix);
  }

  private static List<String> names(Page<Thing> page) {
    return page.items().stream().map(Thing::name).toList();
  }
}
