package dev.iotctl.core.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;

/** Invariants of the engine over generated states, updates and payloads. */
class ShadowEnginePropertiesTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final long T = 1_700_000_000L;

  /** Enough to find the bugs these found while developing, and keep the suite fast. */
  private static final int TRIES = 200;

  private final ShadowEngine engine =
      new ShadowEngine(Clock.fixed(Instant.ofEpochSecond(T), ZoneOffset.UTC));

  /** One update: a patch for desired or reported, nulls allowed. */
  record Update(String section, ObjectNode patch) {
    byte[] payload() {
      ObjectNode state = NODES.objectNode();
      state.set(section, patch);
      return Json.bytes(NODES.objectNode().set("state", state).toString());
    }
  }

  @Property(tries = TRIES)
  void reportingTheDesiredStateLeavesNoDelta(@ForAll("updateSequences") List<Update> updates) {
    StoredShadow shadow = applyAll(null, updates);
    ObjectNode desired = shadow.desired();
    if (desired.isEmpty()) {
      return;
    }

    UpdateResult result = engine.update(null, shadow, new Update("reported", desired).payload());

    assertThat(result.deltaJson()).isEmpty();
    assertThat(
            Json.tree(engine.get(null, result.newState(), null).json()).at("/state").has("delta"))
        .isFalse();
  }

  @Property(tries = TRIES)
  void versionIncreasesByExactlyOnePerAcceptedUpdate(
      @ForAll("updateSequences") List<Update> updates) {
    StoredShadow shadow = null;
    long expected = 0;
    for (Update update : updates) {
      shadow = engine.update(null, shadow, update.payload()).newState();
      expected++;
      assertThat(shadow.version()).isEqualTo(expected);
    }
  }

  @Property(tries = TRIES)
  void deltaNeverContainsReportedOnlyKeys(@ForAll("updateSequences") List<Update> updates) {
    StoredShadow shadow = applyAll(null, updates);

    JsonNode state = Json.tree(engine.get(null, shadow, null).json()).get("state");
    JsonNode delta = state.path("delta");

    assertPathsIn(delta, state.path("desired"));
    assertThat(delta.isMissingNode() || !delta.isEmpty()).isTrue();
  }

  @Property(tries = TRIES)
  void deltaIsExactlyWhatReportedLacks(@ForAll("updateSequences") List<Update> updates) {
    StoredShadow shadow = applyAll(null, updates);
    JsonNode state = Json.tree(engine.get(null, shadow, null).json()).get("state");
    ObjectNode delta = state.has("delta") ? (ObjectNode) state.get("delta") : NODES.objectNode();

    // Applying the delta as a report resolves it: reported then agrees with desired everywhere.
    StoredShadow resolved =
        delta.isEmpty()
            ? shadow
            : engine.update(null, shadow, new Update("reported", delta).payload()).newState();
    assertThat(StateTree.delta(resolved.desired(), resolved.reported()).isEmpty()).isTrue();
  }

  @Property(tries = TRIES)
  void metadataMirrorsStateStructure(@ForAll("updateSequences") List<Update> updates) {
    StoredShadow shadow = applyAll(null, updates);

    assertThat(shape(shadow.desiredMetadata(), true)).isEqualTo(shape(shadow.desired(), false));
    assertThat(shape(shadow.reportedMetadata(), true)).isEqualTo(shape(shadow.reported(), false));
  }

  @Property(tries = TRIES)
  void storedFormRoundTrips(@ForAll("updateSequences") List<Update> updates) {
    StoredShadow shadow = applyAll(null, updates);

    assertThat(StoredShadow.fromJson(shadow.toJson())).isEqualTo(shadow);
  }

  @Property(tries = TRIES)
  void acceptedEchoesTheRequestAndDeltaMatchesGet(@ForAll("updateSequences") List<Update> updates) {
    StoredShadow shadow = null;
    for (Update update : updates) {
      UpdateResult result = engine.update(null, shadow, update.payload());
      shadow = result.newState();
      JsonNode accepted = Json.tree(result.acceptedJson());
      assertThat(accepted.at("/state/" + update.section())).isEqualTo(update.patch());
      JsonNode getDelta = Json.tree(engine.get(null, shadow, null).json()).at("/state/delta");
      Optional<JsonNode> published = result.deltaJson().map(Json::tree).map(d -> d.get("state"));
      assertThat(published.orElse(getDelta)).isEqualTo(getDelta);
    }
  }

  @Property(tries = 1000)
  void neverThrowsAnythingButShadowExceptionOnArbitraryBytes(
      @ForAll @Size(max = 200) byte[] payload) {
    assertOnlyShadowExceptions(payload);
  }

  @Property(tries = TRIES)
  void neverThrowsAnythingButShadowExceptionOnJsonLikeText(@ForAll("jsonLikeText") String text) {
    assertOnlyShadowExceptions(text.getBytes(StandardCharsets.UTF_8));
  }

  private void assertOnlyShadowExceptions(byte[] payload) {
    StoredShadow existing =
        engine.update(null, null, Json.bytes("{\"state\":{\"desired\":{\"a\":1}}}")).newState();
    for (StoredShadow current : new StoredShadow[] {null, existing}) {
      try {
        UpdateResult result = engine.update(null, current, payload);
        assertThat(result.newState().version()).isEqualTo(current == null ? 1 : 2);
      } catch (ShadowException e) {
        assertThat(e.code()).isIn(400, 409, 413, 415);
        assertThat(Json.tree(e.rejectedJson(T)).get("message").asText()).isNotBlank();
      }
      if (current != null) {
        assertThat(engine.delete(null, current, payload).newState().exists()).isFalse();
      }
    }
  }

  private StoredShadow applyAll(StoredShadow shadow, List<Update> updates) {
    for (Update update : updates) {
      shadow = engine.update(null, shadow, update.payload()).newState();
    }
    return shadow;
  }

  /** Every key path of {@code sub} exists in {@code whole}. */
  private static void assertPathsIn(JsonNode sub, JsonNode whole) {
    if (!sub.isObject()) {
      return;
    }
    for (Map.Entry<String, JsonNode> e : sub.properties()) {
      assertThat(whole.has(e.getKey())).as("delta key %s is in desired", e.getKey()).isTrue();
      assertPathsIn(e.getValue(), whole.get(e.getKey()));
    }
  }

  /** The tree with each leaf replaced by "*"; in metadata a {"timestamp": n} object is a leaf. */
  private static JsonNode shape(JsonNode node, boolean metadata) {
    if (metadata && node.isObject() && node.size() == 1 && node.path("timestamp").isNumber()) {
      return NODES.textNode("*");
    }
    if (node.isObject()) {
      ObjectNode result = NODES.objectNode();
      node.properties().forEach(e -> result.set(e.getKey(), shape(e.getValue(), metadata)));
      return result;
    }
    if (node.isArray()) {
      ArrayNode result = NODES.arrayNode();
      node.forEach(element -> result.add(shape(element, metadata)));
      return result;
    }
    return NODES.textNode("*");
  }

  @Provide
  Arbitrary<List<Update>> updateSequences() {
    Arbitrary<Update> update =
        Combinators.combine(Arbitraries.of("desired", "reported"), objects(3, true))
            .as(Update::new);
    return update.list().ofMinSize(1).ofMaxSize(6);
  }

  @Provide
  Arbitrary<String> jsonLikeText() {
    return Arbitraries.of(
            "{",
            "}",
            "[",
            "]",
            ":",
            ",",
            "\"",
            "null",
            "true",
            "1",
            "-0.5e3",
            "\"x\"",
            "\"state\"",
            "\"desired\"",
            "\"reported\"",
            "\"version\"",
            "\"clientToken\"",
            "\\u00e9",
            "\u00e9",
            " ")
        .list()
        .ofMaxSize(40)
        .map(tokens -> String.join("", tokens));
  }

  private Arbitrary<ObjectNode> objects(int depth, boolean nulls) {
    return Arbitraries.maps(Arbitraries.of("a", "b", "c", "d"), values(depth - 1, nulls))
        .ofMaxSize(4)
        .map(
            map -> {
              ObjectNode node = NODES.objectNode();
              map.forEach(node::set);
              return node;
            });
  }

  private Arbitrary<JsonNode> values(int depth, boolean nulls) {
    Arbitrary<JsonNode> scalar =
        Arbitraries.oneOf(
            Arbitraries.integers().between(0, 3).map(NODES::numberNode),
            Arbitraries.of("x", "y").map(NODES::textNode),
            Arbitraries.of(true, false).map(NODES::booleanNode),
            Arbitraries.of(1.0, 2.5).map(d -> MAPPER.valueToTree(d)));
    Arbitrary<JsonNode> array =
        scalar.list().ofMaxSize(3).map(list -> (JsonNode) NODES.arrayNode().addAll(list));
    Arbitrary<JsonNode> value =
        depth <= 0
            ? Arbitraries.frequencyOf(Tuple.of(6, scalar), Tuple.of(1, array))
            : Arbitraries.frequencyOf(
                Tuple.of(5, scalar),
                Tuple.of(1, array),
                Tuple.of(3, objects(depth, nulls).map(o -> (JsonNode) o)));
    return nulls
        ? Arbitraries.frequencyOf(
            Tuple.of(5, value), Tuple.of(1, Arbitraries.just(NODES.nullNode())))
        : value;
  }
}
