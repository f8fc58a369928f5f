package dev.iotctl.core.shadow;

import static dev.iotctl.core.shadow.Json.bytes;
import static dev.iotctl.core.shadow.Json.object;
import static dev.iotctl.core.shadow.Json.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * The examples of AWS's Device Shadow developer guide ("Device Shadow service documents",
 * "Interacting with shadows"), with a fixed clock so timestamps are known.
 */
class ShadowDocumentExamplesTest {
  private static final long T = 1_591_057_529L;
  private final ShadowEngine engine =
      new ShadowEngine(Clock.fixed(Instant.ofEpochSecond(T), ZoneOffset.UTC));

  private StoredShadow stored(String desired, String reported, long version) {
    return new StoredShadow(
        desired == null ? null : object(desired),
        reported == null ? null : object(reported),
        desired == null ? null : StateTree.align(object(desired), null, 12345),
        reported == null ? null : StateTree.align(object(reported), null, 12345),
        version,
        null);
  }

  @Test
  void acceptedDocumentEchoesTheSentStateWithItsMetadata() {
    UpdateResult result =
        engine.update(
            "lamp",
            null,
            null,
            bytes(
                """
                {"state":{"desired":{"color":"red","power":"on"}},"clientToken":"token"}"""));

    assertThat(tree(result.acceptedJson()))
        .isEqualTo(
            tree(
                """
                {"state":{"desired":{"color":"red","power":"on"}},
                 "metadata":{"desired":{"color":{"timestamp":%d},"power":{"timestamp":%d}}},
                 "version":1,"timestamp":%d,"clientToken":"token"}"""
                    .formatted(T, T, T)));
  }

  @Test
  void deltaStateExampleFromTheGuide() {
    StoredShadow shadow =
        stored(
            "{\"color\":\"RED\",\"state\":\"STOP\"}",
            "{\"color\":\"GREEN\",\"engine\":\"ON\"}",
            17);

    assertThat(tree(engine.get("car", null, shadow, null).json()))
        .isEqualTo(
            tree(
                """
                {"state":{"desired":{"color":"RED","state":"STOP"},
                          "reported":{"color":"GREEN","engine":"ON"},
                          "delta":{"color":"RED","state":"STOP"}},
                 "metadata":{"desired":{"color":{"timestamp":12345},"state":{"timestamp":12345}},
                             "reported":{"color":{"timestamp":12345},"engine":{"timestamp":12345}}},
                 "version":17,"timestamp":%d}"""
                    .formatted(T)));
  }

  @Test
  void nestedDeltaKeepsThePathToTheRoot() {
    StoredShadow shadow =
        stored(null, "{\"lights\":{\"color\":{\"r\":255,\"g\":0,\"b\":255}}}", 17);

    UpdateResult result =
        engine.update(
            null,
            shadow,
            bytes(
                "{\"state\":{\"desired\":{\"lights\":{\"color\":{\"r\":255,\"g\":255,\"b\":255}}}}}"));

    assertThat(tree(result.deltaJson().orElseThrow()))
        .isEqualTo(
            tree(
                """
                {"state":{"lights":{"color":{"g":255}}},
                 "metadata":{"lights":{"color":{"g":{"timestamp":%d}}}},
                 "version":18,"timestamp":%d}"""
                    .formatted(T, T)));
  }

  @Test
  void desiredThenReportedWalkthrough() {
    UpdateResult desired =
        engine.update(
            null,
            null,
            bytes("{\"state\":{\"desired\":{\"color\":{\"r\":10},\"engine\":\"ON\"}}}"));
    assertThat(tree(desired.deltaJson().orElseThrow()).get("state"))
        .isEqualTo(tree("{\"color\":{\"r\":10},\"engine\":\"ON\"}"));

    UpdateResult reported =
        engine.update(
            null,
            desired.newState(),
            bytes("{\"state\":{\"reported\":{\"color\":{\"r\":10},\"engine\":\"ON\"}}}"));

    assertThat(reported.deltaJson()).isEmpty();
    assertThat(reported.newState().version()).isEqualTo(2);
    assertThat(tree(engine.get(null, reported.newState(), null).json()).get("state"))
        .isEqualTo(
            tree(
                """
                {"desired":{"color":{"r":10},"engine":"ON"},
                 "reported":{"color":{"r":10},"engine":"ON"}}"""));
  }

  @Test
  void documentsCarryPreviousAndCurrent() {
    StoredShadow before = stored("{\"color\":\"RED\"}", null, 3);

    UpdateResult result =
        engine.update(
            null,
            before,
            bytes("{\"state\":{\"reported\":{\"color\":\"RED\"}},\"clientToken\":\"c1\"}"));

    assertThat(tree(result.documentsJson()))
        .isEqualTo(
            tree(
                """
                {"previous":{"state":{"desired":{"color":"RED"}},
                             "metadata":{"desired":{"color":{"timestamp":12345}}},
                             "version":3},
                 "current":{"state":{"desired":{"color":"RED"},"reported":{"color":"RED"}},
                            "metadata":{"desired":{"color":{"timestamp":12345}},
                                        "reported":{"color":{"timestamp":%d}}},
                            "version":4},
                 "timestamp":%d,"clientToken":"c1"}"""
                    .formatted(T, T)));
  }

  @Test
  void firstUpdateDocumentsHaveNoPrevious() {
    UpdateResult result =
        engine.update(null, null, bytes("{\"state\":{\"reported\":{\"temp\":55}}}"));

    assertThat(tree(result.documentsJson()).has("previous")).isFalse();
    assertThat(tree(result.documentsJson()).at("/current/version").asLong()).isEqualTo(1);
  }

  @Test
  void nullDeletesAProperty() {
    StoredShadow shadow = stored("{\"engine\":\"ON\",\"color\":\"RED\"}", null, 1);

    UpdateResult result =
        engine.update(null, shadow, bytes("{\"state\":{\"desired\":{\"engine\":null}}}"));

    assertThat(Json.reparse(result.newState().desired())).isEqualTo(object("{\"color\":\"RED\"}"));
    assertThat(Json.reparse(result.newState().desiredMetadata()))
        .isEqualTo(object("{\"color\":{\"timestamp\":12345}}"));
    assertThat(tree(result.acceptedJson()))
        .isEqualTo(
            tree(
                """
                {"state":{"desired":{"engine":null}},
                 "metadata":{"desired":{"engine":{"timestamp":%d}}},
                 "version":2,"timestamp":%d}"""
                    .formatted(T, T)));
  }

  @Test
  void desiredNullRemovesTheSection() {
    StoredShadow shadow = stored("{\"color\":\"blue\"}", "{\"color\":\"green\"}", 5);

    UpdateResult result =
        engine.update(
            null, shadow, bytes("{\"state\":{\"reported\":{\"color\":\"red\"},\"desired\":null}}"));

    assertThat(tree(engine.get(null, result.newState(), null).json()))
        .isEqualTo(
            tree(
                """
                {"state":{"reported":{"color":"red"}},
                 "metadata":{"reported":{"color":{"timestamp":%d}}},
                 "version":6,"timestamp":%d}"""
                    .formatted(T, T)));
    assertThat(result.deltaJson()).isEmpty();
  }

  @Test
  void stateNullEmptiesTheShadowButKeepsIt() {
    StoredShadow shadow = stored("{\"a\":1}", "{\"b\":2}", 7);

    UpdateResult result = engine.update(null, shadow, bytes("{\"state\":null}"));

    assertThat(result.newState().exists()).isTrue();
    assertThat(tree(engine.get(null, result.newState(), null).json()))
        .isEqualTo(
            tree("{\"state\":{},\"metadata\":{},\"version\":8,\"timestamp\":%d}".formatted(T)));
  }

  @Test
  void stateNullIsAcceptedWithOneTimestampAsItsMetadata() {
    StoredShadow shadow = stored("{\"a\":1}", null, 3);

    UpdateResult result = engine.update(null, shadow, bytes("{\"state\":null}"));

    assertThat(tree(result.acceptedJson()))
        .isEqualTo(
            tree(
                "{\"state\":null,\"metadata\":{\"timestamp\":%d},\"version\":4,\"timestamp\":%d}"
                    .formatted(T, T)));
  }

  @Test
  void emptyObjectsAreStoredValuesAndAppearInTheDelta() {
    StoredShadow shadow = stored(null, "{\"config\":{\"mode\":\"eco\"},\"other\":5}", 1);

    UpdateResult result =
        engine.update(
            null,
            shadow,
            bytes("{\"state\":{\"desired\":{\"config\":{},\"other\":{},\"new\":{}}}}"));

    assertThat(tree(engine.get(null, result.newState(), null).json()))
        .isEqualTo(
            tree(
                """
                {"state":{"desired":{"config":{},"other":{},"new":{}},
                          "reported":{"config":{"mode":"eco"},"other":5},
                          "delta":{"other":{},"new":{}}},
                 "metadata":{"desired":{"config":{},"other":{},"new":{}},
                             "reported":{"config":{"mode":{"timestamp":12345}},
                                         "other":{"timestamp":12345}}},
                 "version":2,"timestamp":%d}"""
                    .formatted(T)));
    assertThat(tree(result.deltaJson().orElseThrow()))
        .isEqualTo(
            tree(
                """
                {"state":{"other":{},"new":{}},"metadata":{"other":{},"new":{}},
                 "version":2,"timestamp":%d}"""
                    .formatted(T)));
  }

  @Test
  void anObjectEmptiedByNullsIsRemovedButOneSentEmptyStays() {
    StoredShadow shadow = stored("{\"light\":{\"color\":\"red\"}}", null, 1);

    UpdateResult cleared =
        engine.update(
            null, shadow, bytes("{\"state\":{\"desired\":{\"light\":{\"color\":null}}}}"));
    UpdateResult emptied =
        engine.update(
            null, shadow, bytes("{\"state\":{\"desired\":{\"light\":{},\"x\":{\"y\":{}}}}}"));

    assertThat(cleared.newState().desired()).isEqualTo(object("{}"));
    assertThat(emptied.newState().desired())
        .isEqualTo(object("{\"light\":{\"color\":\"red\"},\"x\":{\"y\":{}}}"));
  }

  @Test
  void sectionsLeftEmptyDisappear() {
    StoredShadow shadow = stored(null, "{\"temp\":55}", 1);

    UpdateResult result =
        engine.update(null, shadow, bytes("{\"state\":{\"reported\":{\"temp\":null}}}"));

    assertThat(tree(engine.get(null, result.newState(), null).json()).get("state"))
        .isEqualTo(tree("{}"));
  }

  @Test
  void arraysAreReplacedWhole() {
    StoredShadow shadow = stored("{\"colors\":[\"RED\",\"GREEN\",\"BLUE\"]}", null, 1);

    UpdateResult result =
        engine.update(null, shadow, bytes("{\"state\":{\"desired\":{\"colors\":[\"RED\"]}}}"));

    assertThat(Json.reparse(result.newState().desired()))
        .isEqualTo(object("{\"colors\":[\"RED\"]}"));
    assertThat(Json.reparse(result.newState().desiredMetadata()))
        .isEqualTo(object("{\"colors\":[{\"timestamp\":%d}]}".formatted(T)));
  }

  @Test
  void differingArrayIsCopiedWholeIntoTheDelta() {
    StoredShadow shadow = stored(null, "{\"colors\":[\"RED\",\"GREEN\"]}", 1);

    UpdateResult result =
        engine.update(
            null, shadow, bytes("{\"state\":{\"desired\":{\"colors\":[\"RED\",\"BLUE\"]}}}"));

    assertThat(tree(result.deltaJson().orElseThrow()).get("state"))
        .isEqualTo(tree("{\"colors\":[\"RED\",\"BLUE\"]}"));
  }

  @Test
  void arraysWithNullAreRejected() {
    assertThatThrownBy(
            () ->
                engine.update(
                    null,
                    null,
                    bytes("{\"state\":{\"desired\":{\"colors\":[null,\"RED\",\"GREEN\"]}}}")))
        .isInstanceOfSatisfying(
            ShadowException.class,
            e -> {
              assertThat(e.code()).isEqualTo(400);
              assertThat(e.getMessage()).isEqualTo("State contains an invalid node");
            });
  }

  @Test
  void optimisticLockingExample() {
    StoredShadow shadow = stored("{\"colors\":[\"RED\",\"GREEN\",\"BLUE\"]}", null, 10);

    assertThatThrownBy(
            () ->
                engine.update(
                    null,
                    shadow,
                    bytes(
                        """
                        {"state":{"desired":{"colors":["BLUE"]}},"version":9,
                         "clientToken":"426bfd96-e720-46d3-95cd-014e3ef12bb6"}""")))
        .isInstanceOfSatisfying(
            ShadowException.class,
            e ->
                assertThat(tree(e.rejectedJson(T)))
                    .isEqualTo(
                        tree(
                            """
                            {"code":409,"message":"Version conflict","timestamp":%d,
                             "clientToken":"426bfd96-e720-46d3-95cd-014e3ef12bb6"}"""
                                .formatted(T))));

    UpdateResult accepted =
        engine.update(
            null,
            shadow,
            bytes("{\"state\":{\"desired\":{\"colors\":[\"BLUE\"]}},\"version\":10}"));
    assertThat(accepted.newState().version()).isEqualTo(11);
    assertThat(Json.reparse(accepted.newState().desired()))
        .isEqualTo(object("{\"colors\":[\"BLUE\"]}"));
  }

  @Test
  void deleteAcceptedAndVersionContinuesAfterRecreate() {
    StoredShadow shadow = stored("{\"a\":1}", null, 4);

    DeleteResult deleted = engine.delete(null, shadow, new byte[0]);

    assertThat(tree(deleted.acceptedJson()))
        .isEqualTo(tree("{\"version\":4,\"timestamp\":%d}".formatted(T)));
    assertThat(deleted.newState().exists()).isFalse();
    StoredShadow tombstone = StoredShadow.fromJson(deleted.newState().toJson());
    assertThatThrownBy(() -> engine.get("lamp", null, tombstone, null))
        .isInstanceOfSatisfying(
            ShadowException.class,
            e -> assertThat(e.getMessage()).isEqualTo("No shadow exists with name: 'lamp'"));

    UpdateResult recreated =
        engine.update(null, tombstone, bytes("{\"state\":{\"reported\":{\"b\":2}}}"));
    assertThat(recreated.newState().version()).isEqualTo(5);
    assertThat(Json.reparse(recreated.newState().desired())).isEqualTo(object("{}"));
    assertThat(tree(recreated.documentsJson()).has("previous")).isFalse();
  }

  @Test
  void versionRestartsWhenTheTombstoneIsOlderThan48Hours() {
    StoredShadow tombstone = StoredShadow.tombstone(9, T);
    ShadowEngine later =
        new ShadowEngine(Clock.fixed(Instant.ofEpochSecond(T + 48 * 3600 + 1), ZoneOffset.UTC));
    ShadowEngine justInTime =
        new ShadowEngine(Clock.fixed(Instant.ofEpochSecond(T + 48 * 3600), ZoneOffset.UTC));
    byte[] update = bytes("{\"state\":{\"reported\":{\"b\":2}}}");

    assertThat(later.update(null, tombstone, update).newState().version()).isEqualTo(1);
    assertThat(justInTime.update(null, tombstone, update).newState().version()).isEqualTo(10);
  }

  @Test
  void deleteEchoesTheClientToken() {
    DeleteResult deleted =
        engine.delete("s1", stored("{\"a\":1}", null, 2), bytes("{\"clientToken\":\"del-1\"}"));

    assertThat(tree(deleted.acceptedJson()))
        .isEqualTo(tree("{\"version\":2,\"timestamp\":%d,\"clientToken\":\"del-1\"}".formatted(T)));
  }

  @Test
  void getEchoesTheClientTokenAndOmitsAnEmptyDelta() {
    StoredShadow shadow = stored("{\"a\":1}", "{\"a\":1.0,\"b\":true}", 3);

    assertThat(tree(engine.get(null, shadow, "g-1").json()))
        .isEqualTo(
            tree(
                """
                {"state":{"desired":{"a":1},"reported":{"a":1.0,"b":true}},
                 "metadata":{"desired":{"a":{"timestamp":12345}},
                             "reported":{"a":{"timestamp":12345},"b":{"timestamp":12345}}},
                 "version":3,"timestamp":%d,"clientToken":"g-1"}"""
                    .formatted(T)));
  }

  @Test
  void untouchedLeavesKeepTheirTimestamps() {
    StoredShadow shadow = stored("{\"a\":{\"x\":1,\"y\":2},\"b\":3}", null, 1);

    UpdateResult result =
        engine.update(null, shadow, bytes("{\"state\":{\"desired\":{\"a\":{\"y\":5}}}}"));

    assertThat(Json.reparse(result.newState().desiredMetadata()))
        .isEqualTo(
            object(
                """
                {"a":{"x":{"timestamp":12345},"y":{"timestamp":%d}},"b":{"timestamp":12345}}"""
                    .formatted(T)));
  }

  @Test
  void objectReplacingAScalarGetsNestedMetadata() {
    StoredShadow shadow = stored("{\"a\":1}", null, 1);

    UpdateResult result =
        engine.update(null, shadow, bytes("{\"state\":{\"desired\":{\"a\":{\"timestamp\":7}}}}"));

    assertThat(Json.reparse(result.newState().desired()))
        .isEqualTo(object("{\"a\":{\"timestamp\":7}}"));
    assertThat(Json.reparse(result.newState().desiredMetadata()))
        .isEqualTo(object("{\"a\":{\"timestamp\":{\"timestamp\":%d}}}".formatted(T)));
  }
}
