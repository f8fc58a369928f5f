package dev.iotctl.core.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iotctl.core.error.IotException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TopicFiltersTest {
  @ParameterizedTest(name = "{0} ~ {1} = {2}")
  @CsvSource({
    // AWS guide examples ("MQTT topics")
    "sensor/#, sensor/, true",
    "sensor/#, sensor/temperature, true",
    "sensor/#, sensor/temperature/room1, true",
    "sensor/#, sensor, false",
    "sensor/+/room1, sensor/temperature/room1, true",
    "sensor/+/room1, sensor/humidity/room1, true",
    "sensor/+/room1, sensor/temperature/room2, false",
    // exact and single level
    "a/b, a/b, true",
    "a/b, a/B, false",
    "a/b, a/b/c, false",
    "a/b/c, a/b, false",
    "+, a, true",
    "+, a/b, false",
    "+/+, /a, true",
    "+, '', true",
    "a/+, a/, true",
    "a/+/c, a//c, true",
    // multi level
    "#, a, true",
    "#, a/b/c, true",
    "#, /a, true",
    "a/+/#, a/b/c/d, true",
    "a/+/#, a/b, false",
    // $ topics are not matched by a leading wildcard
    "#, $aws/things/t/shadow/update, false",
    "+/things/t/shadow/update, $aws/things/t/shadow/update, false",
    "$aws/things/+/shadow/update, $aws/things/t/shadow/update, true",
    "$aws/things/t/shadow/#, $aws/things/t/shadow/update/accepted, true",
    "$SYS/#, $SYS/x, true",
  })
  void matches(String filter, String topic, boolean expected) {
    assertThat(TopicFilters.matches(filter, topic)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a",
        "a/b/c/d/e/f/g/h",
        "/leading/slash",
        "$aws/things/t/shadow/name/s/update/accepted",
        "$aws/rules/myRule/a/b/c/d/e/f/g/h",
        "ünïcödé/topic",
      })
  void validTopics(String topic) {
    assertThat(TopicFilters.validateTopic(topic)).isEqualTo(topic);
    assertThat(TopicFilters.isValidTopic(topic)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "a/b/c/d/e/f/g/h/i",
        "a/+/b",
        "a/#",
        "with\u0000nul",
        "$aws/rules/myRule/a/b/c/d/e/f/g/h/i",
      })
  void invalidTopics(String topic) {
    assertThat(TopicFilters.isValidTopic(topic)).isFalse();
    assertThatThrownBy(() -> TopicFilters.validateTopic(topic))
        .isInstanceOfSatisfying(
            IotException.class,
            e -> {
              assertThat(e.httpStatus()).isEqualTo(400);
              assertThat(e.errorCode()).isEqualTo("InvalidRequestException");
            });
  }

  @Test
  void topicOf256BytesIsTheLimitAndBasicIngestPrefixIsFree() {
    String max = "x".repeat(256);
    String tooLong = "x".repeat(257);
    String multiByte = "é".repeat(129); // 258 bytes in 129 chars

    assertThat(TopicFilters.isValidTopic(max)).isTrue();
    assertThat(TopicFilters.isValidTopic(tooLong)).isFalse();
    assertThat(TopicFilters.isValidTopic(multiByte)).isFalse();
    assertThat(TopicFilters.isValidTopic("$aws/rules/rule/" + max)).isTrue();
    assertThat(TopicFilters.isValidTopic(null)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"#", "+", "a/#", "a/+/b", "+/+/+", "$aws/things/+/shadow/#", "/"})
  void validFilters(String filter) {
    assertThat(TopicFilters.validateFilter(filter)).isEqualTo(filter);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a#", "a/#/b", "#/a", "a/b+", "+a/b", "a/b/c/d/e/f/g/h/#", "a\u0000"})
  void invalidFilters(String filter) {
    assertThat(TopicFilters.isValidFilter(filter)).isFalse();
    assertThatThrownBy(() -> TopicFilters.validateFilter(filter))
        .isInstanceOf(IotException.class)
        .hasMessageContaining("Topic filter");
  }

  @ParameterizedTest
  @ValueSource(strings = {"#", "+", "a/#", "a/+/b", "/", "a//b", "a/b/c/d/e/f/g/h/i/#"})
  void wellFormedFiltersIgnoreAwsLimits(String filter) {
    assertThat(TopicFilters.isWellFormedFilter(filter)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a#", "a/#/b", "#/a", "a/b+", "+a/b", "a\u0000", "a/##", "++"})
  void malformedFilters(String filter) {
    assertThat(TopicFilters.isWellFormedFilter(filter)).isFalse();
  }

  @Test
  void wellFormedTopicsHaveNoWildcardsNorNul() {
    assertThat(TopicFilters.isWellFormedTopic("a/b/c/d/e/f/g/h/i")).isTrue();
    assertThat(TopicFilters.isWellFormedTopic("a/+")).isFalse();
    assertThat(TopicFilters.isWellFormedTopic("a/#")).isFalse();
    assertThat(TopicFilters.isWellFormedTopic("a\u0000b")).isFalse();
    assertThat(TopicFilters.isWellFormedTopic("")).isFalse();
  }

  @Test
  void limitsCountUtf8BytesAndSlashesButNotTheBasicIngestPrefix() {
    assertThat(TopicFilters.withinLimits("x".repeat(256))).isTrue();
    assertThat(TopicFilters.withinLimits("x".repeat(257))).isFalse();
    assertThat(TopicFilters.withinLimits("é".repeat(128))).isTrue();
    assertThat(TopicFilters.withinLimits("é".repeat(129))).isFalse();
    assertThat(TopicFilters.withinLimits("\uD83D\uDE00".repeat(64))).isTrue(); // 4 bytes each
    assertThat(TopicFilters.withinLimits("\uD83D\uDE00".repeat(65))).isFalse();
    assertThat(TopicFilters.withinLimits("a/b/c/d/e/f/g/h")).isTrue();
    assertThat(TopicFilters.withinLimits("a/b/c/d/e/f/g/h/i")).isFalse();
    assertThat(TopicFilters.withinLimits("$aws/rules/r/a/b/c/d/e/f/g/h")).isTrue();
    assertThat(TopicFilters.withinLimits("a/b/c/d/e/f/g/+/#")).isFalse();
  }
}
