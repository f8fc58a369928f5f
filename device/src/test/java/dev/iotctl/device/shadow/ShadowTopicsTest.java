package dev.iotctl.device.shadow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ShadowTopicsTest {
  @Test
  void classicShadowTopics() {
    ShadowTopics topics = ShadowTopics.classic("handson01");

    assertThat(topics.request(ShadowOperation.GET)).isEqualTo("$aws/things/handson01/shadow/get");
    assertThat(topics.accepted(ShadowOperation.UPDATE))
        .isEqualTo("$aws/things/handson01/shadow/update/accepted");
    assertThat(topics.rejected(ShadowOperation.DELETE))
        .isEqualTo("$aws/things/handson01/shadow/delete/rejected");
    assertThat(topics.delta()).isEqualTo("$aws/things/handson01/shadow/update/delta");
    assertThat(topics.documents()).isEqualTo("$aws/things/handson01/shadow/update/documents");
    assertThat(topics.isNamed()).isFalse();
  }

  @Test
  void namedShadowTopics() {
    ShadowTopics topics = ShadowTopics.named("handson01", "config");

    assertThat(topics.request(ShadowOperation.UPDATE))
        .isEqualTo("$aws/things/handson01/shadow/name/config/update");
    assertThat(topics.delta()).isEqualTo("$aws/things/handson01/shadow/name/config/update/delta");
    assertThat(topics.isNamed()).isTrue();
  }

  @Test
  void rejectsNamesThatWouldBreakTheTopic() {
    assertThatThrownBy(() -> ShadowTopics.classic("a/b"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ShadowTopics.named("thing", "#"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ShadowTopics.classic("")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectedCodesMapToTheShadowApiErrorNames() {
    ShadowRejectedException conflict = new ShadowRejectedException(409, "Version conflict", "t");

    assertThat(conflict.errorCode()).isEqualTo("ConflictException");
    assertThat(conflict.httpStatus()).isEqualTo(409);
    assertThat(new ShadowRejectedException(400, "Missing required node: state", "t").errorCode())
        .isEqualTo("InvalidRequestException");
    assertThat(new ShadowRejectedException(500, "Internal service failure", "t").errorCode())
        .isEqualTo("InternalFailureException");
  }
}
