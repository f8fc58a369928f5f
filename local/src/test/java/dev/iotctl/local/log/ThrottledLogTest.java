package dev.iotctl.local.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.slf4j.helpers.NOPLogger;

class ThrottledLogTest {
  @Test
  void aBurstThenOneLinePerInterval() {
    AtomicLong nanos = new AtomicLong();
    ThrottledLog log = new ThrottledLog(NOPLogger.NOP_LOGGER, 3, Duration.ofSeconds(1), nanos::get);
    int logged = 0;
    for (int i = 0; i < 100; i++) {
      logged += log.warn("line") ? 1 : 0;
    }
    assertThat(logged).isEqualTo(3);
    nanos.addAndGet(Duration.ofMillis(999).toNanos());
    assertThat(log.warn("line")).isFalse();
    nanos.addAndGet(Duration.ofMillis(1).toNanos());
    assertThat(log.warn("line")).isTrue();
    nanos.addAndGet(Duration.ofMinutes(1).toNanos());
    int afterPause = 0;
    for (int i = 0; i < 10; i++) {
      afterPause += log.warn("line") ? 1 : 0;
    }
    assertThat(afterPause).as("the burst refills, but no further").isEqualTo(3);
  }
}
