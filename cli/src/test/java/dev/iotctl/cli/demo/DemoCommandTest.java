package dev.iotctl.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iotctl.cli.CliRunner;
import org.junit.jupiter.api.Test;

/** The README's first command, end to end: every step must be observed for exit 0. */
class DemoCommandTest {
  @Test
  void theWholeStoryIsObserved() {
    CliRunner.Result r = CliRunner.run("demo");
    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    assertThat(r.out())
        .contains("Revoke demo-device-1 only ... ok")
        .contains("demo-device-1 is refused when it reconnects ... ok")
        .contains("demo-device-2 keeps working")
        .containsPattern("demo-device-1\\s+\\S+\\s+REVOKED\\s+10\\s+no")
        .containsPattern("demo-device-2\\s+\\S+\\s+ACTIVE\\s+3\\s+yes")
        .doesNotContain("FAILED");
  }
}
