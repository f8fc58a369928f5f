package dev.iotctl.local.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iotctl.local.registry.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * boto3 against the stand-in: the registry limits AWS enforces — attributes per thing (3 untyped,
 * 50 typed), one group per hierarchy, deprecated thing types (no new things; deleted only five
 * minutes after deprecation, on the stand-in's injected clock).
 */
@Tag("peers")
class RegistryLimitsTest {
  @TempDir Path dir;
  private final TestClock clock = new TestClock();
  private StandIn standIn;

  @BeforeEach
  void start() {
    PeerScripts.assumeBoto3();
    standIn = new StandIn(dir.resolve("data"), HttpApiConfig.defaults(), clock);
  }

  @AfterEach
  void stop() {
    if (standIn != null) {
      standIn.close();
    }
  }

  @Test
  void thingsGroupsAndThingTypesStayWithinAwsLimits() {
    PeerScripts.Result before = limits("before");
    assertThat(before.output()).as(before.output()).contains("LIMITS OK");

    clock.advance(Duration.ofMinutes(5));

    PeerScripts.Result after = limits("after");
    assertThat(after.output()).as(after.output()).contains("LIMITS OK");
  }

  private PeerScripts.Result limits(String phase) {
    return PeerScripts.python(
        dir.resolve("home"), "fidelity/limits.py", standIn.url().toString(), phase);
  }
}
