package dev.iotctl.core.shadow;

import static dev.iotctl.core.shadow.Json.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StoredShadowTest {
  @Test
  void roundTripsThroughJson() {
    String stored =
        """
        {"state":{"desired":{"a":{"b":[1,2.50,"x"]}},"reported":{"c":true}},\
        "metadata":{"desired":{"a":{"b":[{"timestamp":1},{"timestamp":1},{"timestamp":1}]}},\
        "reported":{"c":{"timestamp":2}}},"version":42}""";
    StoredShadow shadow = StoredShadow.fromJson(stored);

    StoredShadow back = StoredShadow.fromJson(shadow.toJson());

    assertThat(back).isEqualTo(shadow);
    assertThat(back.toJson()).isEqualTo(shadow.toJson());
    assertThat(back.toJson()).isEqualTo(stored);
    assertThat(back.reported()).isEqualTo(object("{\"c\":true}"));
    assertThat(back.exists()).isTrue();
  }

  @Test
  void tombstoneKeepsVersionAndDeletionTime() {
    StoredShadow back = StoredShadow.fromJson(StoredShadow.tombstone(7, 123).toJson());

    assertThat(back.exists()).isFalse();
    assertThat(back.version()).isEqualTo(7);
    assertThat(back.deletedAt()).isEqualTo(123L);
    assertThat(back.desired()).isEqualTo(object("{}"));
  }

  @Test
  void isImmutable() {
    StoredShadow shadow = new StoredShadow(object("{\"a\":1}"), null, null, null, 1, null);

    shadow.desired().put("b", 2);

    assertThat(shadow.desired()).isEqualTo(object("{\"a\":1}"));
  }

  @Test
  void rejectsWhatIsNotAStoredShadow() {
    assertThatThrownBy(() -> StoredShadow.fromJson("{\"state\":{}}"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StoredShadow.fromJson("nope"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new StoredShadow(null, null, null, null, -1, null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
