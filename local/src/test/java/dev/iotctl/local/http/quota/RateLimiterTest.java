package dev.iotctl.local.http.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iotctl.core.error.IotException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private final AtomicLong nanos = new AtomicLong();

  @Test
  void burstsToTheRateThenThrottlesUntilRefilled() {
    RateLimiter limiter = new RateLimiter(QuotaMode.AWS, nanos::get);
    for (int i = 0; i < 10; i++) {
      limiter.admit("ListThings"); // AWS default: 10 TPS
    }
    assertThatThrownBy(() -> limiter.admit("ListThings"))
        .isInstanceOfSatisfying(
            IotException.class,
            e -> {
              assertThat(e.errorCode()).isEqualTo("ThrottlingException");
              assertThat(e.httpStatus()).isEqualTo(400);
              assertThat(e.getMessage()).isEqualTo("Rate exceeded");
            });
    nanos.addAndGet(100_000_000); // 0.1 s refills one token at 10/s
    limiter.admit("ListThings");
    assertThatThrownBy(() -> limiter.admit("ListThings")).isInstanceOf(IotException.class);
  }

  @Test
  void bucketsArePerOperation() {
    RateLimiter limiter = new RateLimiter(QuotaMode.AWS, nanos::get);
    for (int i = 0; i < 10; i++) {
      limiter.admit("ListThings");
    }
    limiter.admit("DescribeThing");
  }

  @Test
  void offByDefault() {
    RateLimiter limiter = new RateLimiter(QuotaMode.NONE, nanos::get);
    for (int i = 0; i < 1000; i++) {
      limiter.admit("ListTopicRules");
    }
  }

  @Test
  void everyTableValueIsPositive() {
    assertThat(AwsApiQuotas.all().values()).allMatch(tps -> tps > 0);
    assertThat(AwsApiQuotas.tps("DescribeThing")).contains(350);
  }

  @Test
  void shadowRequestsAreThrottledPerThingWith429() {
    RateLimiter limiter = new RateLimiter(QuotaMode.AWS, nanos::get);
    for (int i = 0; i < AwsApiQuotas.SHADOW_REQUESTS_PER_THING; i++) {
      limiter.admitShadow("lamp");
    }
    assertThatThrownBy(() -> limiter.admitShadow("lamp"))
        .isInstanceOfSatisfying(
            IotException.class,
            e -> {
              assertThat(e.errorCode()).isEqualTo("ThrottlingException");
              assertThat(e.httpStatus()).isEqualTo(429);
            });
    limiter.admitShadow("fan"); // another thing has its own budget
  }
}
