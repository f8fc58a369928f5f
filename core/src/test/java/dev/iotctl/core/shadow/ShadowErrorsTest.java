package dev.iotctl.core.shadow;

import static dev.iotctl.core.shadow.Json.bytes;
import static dev.iotctl.core.shadow.Json.object;
import static dev.iotctl.core.shadow.Json.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rejection the engine produces, with AWS's code, message and exception name. */
class ShadowErrorsTest {
  private static final long T = 1_700_000_000L;
  private final ShadowEngine engine =
      new ShadowEngine(Clock.fixed(Instant.ofEpochSecond(T), ZoneOffset.UTC));

  private ShadowException rejectUpdate(StoredShadow current, byte[] payload) {
    try {
      engine.update("thing", null, current, payload);
    } catch (ShadowException e) {
      return e;
    }
    throw new AssertionError("update was accepted: " + new String(payload, StandardCharsets.UTF_8));
  }

  private ShadowException rejectUpdate(String payload) {
    return rejectUpdate(null, bytes(payload));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "not json                                  | Invalid JSON",
        "''                                        | Invalid JSON",
        "{\"state\":{}} trailing                   | Invalid JSON",
        "{\"state\":{},\"state\":{}}               | Invalid JSON",
        "[1,2]                                     | Invalid JSON",
        "\"state\"                                 | Invalid JSON",
        "{}                                        | Missing required node: state",
        "{\"State\":{}}                            | Missing required node: state",
        "{\"state\":5}                             | State node must be an object",
        "{\"state\":[]}                            | State node must be an object",
        "{\"state\":{\"desired\":1}}               | Desired node must be an object",
        "{\"state\":{\"desired\":[{}]}}            | Desired node must be an object",
        "{\"state\":{\"reported\":\"x\"}}          | Reported node must be an object",
        "{\"state\":{\"delta\":{\"a\":1}}}         | State contains an invalid node",
        "{\"state\":{\"other\":{}}}                | State contains an invalid node",
        "{\"state\":{\"desired\":{\"a\":[1,null]}}} | State contains an invalid node",
        "{\"state\":{},\"version\":\"3\"}          | Invalid version",
        "{\"state\":{},\"version\":1.5}            | Invalid version",
        "{\"state\":{},\"version\":-1}             | Invalid version",
        "{\"state\":{},\"version\":null}           | Invalid version",
        "{\"state\":{},\"version\":99999999999999999999} | Invalid version",
        "{\"state\":{},\"clientToken\":5}          | Invalid clientToken",
        "{\"state\":{},\"clientToken\":null}       | Invalid clientToken",
      })
  void badRequests(String payload, String message) {
    ShadowException e = rejectUpdate(payload);

    assertThat(e.code()).isEqualTo(400);
    assertThat(e.httpStatus()).isEqualTo(400);
    assertThat(e.errorCode()).isEqualTo("InvalidRequestException");
    assertThat(e.getMessage()).isEqualTo(message);
  }

  @Test
  void clientTokenOfAtMost64Bytes() {
    String ok = "t".repeat(64);
    String tooLong = "t".repeat(65);
    String multiByte = "é".repeat(33); // 66 bytes, 33 chars

    assertThat(engine.update(null, null, bytes(tokenDoc(ok))).newState().version()).isEqualTo(1);
    assertThat(rejectUpdate(tokenDoc(tooLong)).getMessage()).isEqualTo("Invalid clientToken");
    assertThat(rejectUpdate(tokenDoc(multiByte)).getMessage()).isEqualTo("Invalid clientToken");
    assertThat(rejectUpdate(tokenDoc(tooLong)).clientToken()).isNull();
  }

  private static String tokenDoc(String token) {
    return "{\"state\":{\"reported\":{\"a\":1}},\"clientToken\":\"" + token + "\"}";
  }

  @Test
  void errorsAfterTheTokenIsReadEchoIt() {
    ShadowException e = rejectUpdate("{\"clientToken\":\"abc\",\"state\":7}");

    assertThat(e.clientToken()).isEqualTo("abc");
    assertThat(tree(e.rejectedJson(T)))
        .isEqualTo(
            tree(
                "{\"code\":400,\"message\":\"State node must be an object\",\"timestamp\":%d,\"clientToken\":\"abc\"}"
                    .formatted(T)));
  }

  @Test
  void rejectedJsonWithoutToken() {
    assertThat(tree(rejectUpdate("nope").rejectedJson(T)))
        .isEqualTo(
            tree("{\"code\":400,\"message\":\"Invalid JSON\",\"timestamp\":%d}".formatted(T)));
  }

  @Test
  void nestingDepthSixIsAllowedSevenIsNot() {
    String six = "{\"a\":{\"b\":{\"c\":{\"d\":{\"e\":{\"f\":1}}}}}}";
    String seven = "{\"a\":{\"b\":{\"c\":{\"d\":{\"e\":{\"f\":{\"g\":1}}}}}}}";
    String sevenWithArray = "{\"a\":{\"b\":{\"c\":{\"d\":{\"e\":{\"f\":[1]}}}}}}";

    assertThat(engine.update(null, null, bytes("{\"state\":{\"desired\":" + six + "}}")))
        .isNotNull();
    for (String deep : new String[] {seven, sevenWithArray}) {
      ShadowException e = rejectUpdate("{\"state\":{\"reported\":" + deep + "}}");
      assertThat(e.code()).isEqualTo(400);
      assertThat(e.getMessage())
          .isEqualTo("JSON contains too many levels of nesting; maximum is 6");
    }
  }

  @Test
  void nestingBeyondTheParserLimitIsTheSameError() {
    String deep = "[".repeat(5000) + "]".repeat(5000);

    assertThat(rejectUpdate(deep).getMessage())
        .isEqualTo("JSON contains too many levels of nesting; maximum is 6");
  }

  @Test
  void stateOver8KilobytesIsTooLarge() {
    // {"v":"…"} is 8 bytes plus the string; desired and reported both count.
    String exactlyHalf = "x".repeat(4096 - 8);
    StoredShadow half =
        engine
            .update(null, null, bytes("{\"state\":{\"desired\":{\"v\":\"" + exactlyHalf + "\"}}}"))
            .newState();
    UpdateResult full =
        engine.update(
            null, half, bytes("{\"state\":{\"reported\":{\"v\":\"" + exactlyHalf + "\"}}}"));
    assertThat(full.newState().version()).isEqualTo(2);

    ShadowException e =
        rejectUpdate(
            full.newState(), bytes("{\"clientToken\":\"big\",\"state\":{\"reported\":{\"w\":1}}}"));
    assertThat(e.code()).isEqualTo(413);
    assertThat(e.errorCode()).isEqualTo("RequestEntityTooLargeException");
    assertThat(e.getMessage()).isEqualTo("The payload exceeds the maximum size allowed");
    assertThat(e.clientToken()).isEqualTo("big");
  }

  @Test
  void metadataDoesNotCountTowardsTheSize() {
    // Many tiny leaves: state well under 8 KB, metadata far over it.
    StringBuilder keys = new StringBuilder();
    for (int i = 0; i < 700; i++) {
      keys.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":1");
    }
    UpdateResult result =
        engine.update(null, null, bytes("{\"state\":{\"desired\":{" + keys + "}}}"));

    assertThat(result.newState().desiredMetadata().toString().length()).isGreaterThan(8192);
  }

  @Test
  void payloadOverTheMessageLimitIsTooLarge() {
    byte[] huge = new byte[128 * 1024 + 1];
    java.util.Arrays.fill(huge, (byte) ' ');

    assertThat(rejectUpdate(null, huge).code()).isEqualTo(413);
  }

  @Test
  void nonUtf8IsUnsupportedEncoding() {
    byte[] latin1 =
        "{\"state\":{\"desired\":{\"a\":\"caf\u00e9\"}}}".getBytes(StandardCharsets.ISO_8859_1);
    byte[] utf16 = "{\"state\":{}}".getBytes(StandardCharsets.UTF_16);

    for (byte[] payload : new byte[][] {latin1, utf16}) {
      ShadowException e = rejectUpdate(null, payload);
      assertThat(e.code()).isEqualTo(415);
      assertThat(e.errorCode()).isEqualTo("UnsupportedDocumentEncodingException");
      assertThat(e.getMessage())
          .isEqualTo("Unsupported documented encoding; supported encoding is UTF-8");
    }
  }

  @Test
  void versionConflict() {
    StoredShadow v3 = new StoredShadow(object("{\"a\":1}"), null, null, null, 3, null);

    ShadowException e = rejectUpdate(v3, bytes("{\"state\":{},\"version\":2}"));
    assertThat(e.code()).isEqualTo(409);
    assertThat(e.errorCode()).isEqualTo("ConflictException");
    assertThat(e.getMessage()).isEqualTo("Version conflict");
    assertThat(rejectUpdate(v3, bytes("{\"state\":{},\"version\":4}")).code()).isEqualTo(409);
    assertThat(engine.update(null, v3, bytes("{\"state\":{},\"version\":3}")).newState().version())
        .isEqualTo(4);
  }

  @Test
  void versionOfANewShadowIsZero() {
    assertThat(rejectUpdate(null, bytes("{\"state\":{},\"version\":1}")).code()).isEqualTo(409);
    assertThat(
            engine.update(null, null, bytes("{\"state\":{},\"version\":0}")).newState().version())
        .isEqualTo(1);
  }

  @Test
  void getAndDeleteOfAMissingShadowAre404() {
    assertThatThrownBy(() -> engine.get("thing", "config", null, "t1"))
        .isInstanceOfSatisfying(
            ShadowException.class,
            e -> {
              assertThat(e.code()).isEqualTo(404);
              assertThat(e.errorCode()).isEqualTo("ResourceNotFoundException");
              assertThat(e.getMessage()).isEqualTo("No shadow exists with name: 'config'");
              assertThat(e.clientToken()).isEqualTo("t1");
            });
    assertThatThrownBy(() -> engine.delete("thing", null, null, bytes("{\"clientToken\":\"d\"}")))
        .isInstanceOfSatisfying(
            ShadowException.class,
            e -> {
              assertThat(e.getMessage()).isEqualTo("No shadow exists with name: 'thing'");
              assertThat(e.clientToken()).isEqualTo("d");
            });
    assertThatThrownBy(() -> engine.delete("s", StoredShadow.tombstone(3, T), new byte[0]))
        .isInstanceOfSatisfying(ShadowException.class, e -> assertThat(e.code()).isEqualTo(404));
  }

  @Test
  void deletePayloadIsOtherwiseIgnored() {
    StoredShadow live = new StoredShadow(object("{\"a\":1}"), null, null, null, 2, null);

    for (String payload : new String[] {"garbage", "{\"clientToken\":7}", "[]", "{}"}) {
      assertThat(tree(engine.delete(null, live, bytes(payload)).acceptedJson()))
          .isEqualTo(tree("{\"version\":2,\"timestamp\":%d}".formatted(T)));
    }
  }

  @Test
  void errorsForCallersAuthorisingRequests() {
    assertThat(ShadowException.unauthorized(null).code()).isEqualTo(401);
    assertThat(ShadowException.unauthorized(null).getMessage()).isEqualTo("Unauthorized");
    assertThat(ShadowException.forbidden("x").getMessage()).isEqualTo("Forbidden");
    assertThat(ShadowException.forbidden("x").clientToken()).isEqualTo("x");
    assertThat(ShadowException.thingNotFound(null).getMessage()).isEqualTo("Thing not found");
    assertThat(ShadowException.tooManyRequests(null).code()).isEqualTo(429);
    assertThat(ShadowException.tooManyRequests(null).errorCode()).isEqualTo("ThrottlingException");
    assertThat(ShadowException.internalFailure(null).getMessage())
        .isEqualTo("Internal service failure");
    assertThat(ShadowException.internalFailure(null).errorCode())
        .isEqualTo("InternalFailureException");
  }
}
