package dev.iotctl.device.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReconnectBackoffTest {
  private final ReconnectBackoff backoff =
      new ReconnectBackoff(Duration.ofMillis(100), Duration.ofSeconds(5));

  @Test
  void doublesWithJitterUpToTheCap() {
    for (int attempt = 1; attempt <= 100; attempt++) {
      long ceiling = Math.min(5_000, 100L << Math.min(attempt - 1, 30));
      for (int sample = 0; sample < 20; sample++) {
        assertThat(backoff.delay(attempt).toMillis()).isBetween(ceiling / 2, ceiling);
      }
    }
  }

  @Test
  void rejectsNonsense() {
    assertThatThrownBy(() -> new ReconnectBackoff(Duration.ZERO, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ReconnectBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
