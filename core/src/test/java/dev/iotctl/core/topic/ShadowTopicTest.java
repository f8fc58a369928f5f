package dev.iotctl.core.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iotctl.core.error.IotException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ShadowTopicTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      nullValues = "-",
      value = {
        "$aws/things/lamp/shadow/update, lamp, -, UPDATE, NONE",
        "$aws/things/lamp/shadow/update/accepted, lamp, -, UPDATE, ACCEPTED",
        "$aws/things/lamp/shadow/update/rejected, lamp, -, UPDATE, REJECTED",
        "$aws/things/lamp/shadow/update/delta, lamp, -, UPDATE, DELTA",
        "$aws/things/lamp/shadow/update/documents, lamp, -, UPDATE, DOCUMENTS",
        "$aws/things/lamp/shadow/get, lamp, -, GET, NONE",
        "$aws/things/lamp/shadow/get/accepted, lamp, -, GET, ACCEPTED",
        "$aws/things/lamp/shadow/get/rejected, lamp, -, GET, REJECTED",
        "$aws/things/lamp/shadow/delete, lamp, -, DELETE, NONE",
        "$aws/things/lamp/shadow/delete/accepted, lamp, -, DELETE, ACCEPTED",
        "$aws/things/lamp/shadow/delete/rejected, lamp, -, DELETE, REJECTED",
        "$aws/things/my:thing_1-a/shadow/name/config/update/delta, my:thing_1-a, config, UPDATE, DELTA",
        "$aws/things/t/shadow/name/$s/get, t, $s, GET, NONE",
        "$aws/things/t/shadow/name/name/delete/accepted, t, name, DELETE, ACCEPTED",
      })
  void parsesAndRebuilds(
      String topic, String thing, String shadow, ShadowOperation op, ShadowTopicSuffix suffix) {
    ShadowTopic parsed = ShadowTopic.parse(topic).orElseThrow();

    assertThat(parsed).isEqualTo(new ShadowTopic(thing, shadow, op, suffix));
    assertThat(parsed.toTopic()).isEqualTo(topic);
    assertThat(parsed.classic()).isEqualTo(shadow == null);
    assertThat(parsed.isRequest()).isEqualTo(suffix == ShadowTopicSuffix.NONE);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "$aws/things/lamp/shadow",
        "$aws/things/lamp/shadow/",
        "$aws/things/lamp/shadow/get/delta",
        "$aws/things/lamp/shadow/delete/documents",
        "$aws/things/lamp/shadow/update/accepted/more",
        "$aws/things/lamp/shadow/patch",
        "$aws/things/lamp/shadow/Update",
        "$aws/things/lamp/shadow/name/s",
        "$aws/things/lamp/shadow/name//get",
        "$aws/things/la mp/shadow/get",
        "$aws/things//shadow/get",
        "$aws/things/lamp/jobs/get",
        "$AWS/things/lamp/shadow/get",
        "things/lamp/shadow/get",
      })
  void rejectsOtherTopics(String topic) {
    assertThat(ShadowTopic.parse(topic)).isEmpty();
  }

  @Test
  void buildsResponseTopics() {
    ShadowTopic update = ShadowTopic.request("lamp", "cfg", ShadowOperation.UPDATE);

    assertThat(update.prefix()).isEqualTo("$aws/things/lamp/shadow/name/cfg");
    assertThat(update.accepted().toTopic())
        .isEqualTo("$aws/things/lamp/shadow/name/cfg/update/accepted");
    assertThat(update.rejected().toTopic())
        .isEqualTo("$aws/things/lamp/shadow/name/cfg/update/rejected");
    assertThat(update.delta().toTopic()).isEqualTo("$aws/things/lamp/shadow/name/cfg/update/delta");
    assertThat(update.documents().toString())
        .isEqualTo("$aws/things/lamp/shadow/name/cfg/update/documents");
    assertThat(ShadowTopic.request("lamp", null, ShadowOperation.GET).accepted().toTopic())
        .isEqualTo("$aws/things/lamp/shadow/get/accepted");
  }

  @Test
  void rejectsInvalidCombinationsAndNames() {
    ShadowTopic get = ShadowTopic.request("lamp", null, ShadowOperation.GET);

    assertThatThrownBy(get::delta).isInstanceOf(IotException.class);
    assertThatThrownBy(() -> ShadowTopic.request("lamp", null, ShadowOperation.DELETE).documents())
        .isInstanceOf(IotException.class);
    assertThatThrownBy(() -> ShadowTopic.request("bad/thing", null, ShadowOperation.GET))
        .isInstanceOf(IotException.class)
        .hasMessageContaining("thingName");
    assertThatThrownBy(() -> ShadowTopic.request("t", "x".repeat(65), ShadowOperation.GET))
        .isInstanceOf(IotException.class)
        .hasMessageContaining("shadowName");
  }

  @Test
  void longestShadowTopicFitsAwsTopicLimits() {
    ShadowTopic longest =
        ShadowTopic.request("t".repeat(128), "s".repeat(64), ShadowOperation.UPDATE).documents();

    assertThat(TopicFilters.isValidTopic(longest.toTopic())).isTrue();
  }
}
