package dev.iotctl.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One stand-in per data directory: a second one is refused with the first one's pid, a lock left by
 * a killed stand-in is taken over, and a stand-in removes only an {@code endpoint.json} it wrote.
 */
class OneStandInPerDataDirTest {
  @TempDir Path dir;

  @Test
  void aSecondStandInInTheSameJvmIsRefusedAndTheFirstStaysReachable() throws Exception {
    try (LocalIotCore first = LocalIotCore.start(LocalIotCoreConfig.defaults(dir))) {
      StandInEndpoint before = StandInEndpoint.read(dir).orElseThrow();

      assertThatThrownBy(() -> LocalIotCore.start(LocalIotCoreConfig.defaults(dir)))
          .isInstanceOf(StandInAlreadyRunningException.class)
          .hasMessage("already running (pid " + ProcessHandle.current().pid() + ") on " + dir);

      // The refused start neither replaced nor removed the first one's endpoint.json.
      assertThat(StandInEndpoint.read(dir)).contains(before);
      assertThat(before.mqttPort()).isEqualTo(first.mqttPort());
    }
    assertThat(new StandInFiles(dir).endpoint()).doesNotExist();
  }

  @Test
  void anotherProcessIsNamedByItsPidAndItsLockIsTakenOverOnceItIsKilled() throws Exception {
    Process child = StandInProcess.start(dir);
    try {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> StandInEndpoint.read(dir).isPresent() || !child.isAlive());
      assertThat(child.isAlive()).as(Files.readString(dir.resolve("child.log"))).isTrue();

      assertThatThrownBy(() -> LocalIotCore.start(LocalIotCoreConfig.defaults(dir)))
          .isInstanceOf(StandInAlreadyRunningException.class)
          .hasMessage("already running (pid " + child.pid() + ") on " + dir)
          .extracting(e -> ((StandInAlreadyRunningException) e).pid())
          .isEqualTo(child.pid());
      assertThat(StandInEndpoint.read(dir).orElseThrow().pid()).isEqualTo(child.pid());
    } finally {
      child.destroyForcibly().waitFor();
    }
    // SIGKILL: no shutdown hook ran, so the lock file and endpoint.json are stale.
    assertThat(new StandInFiles(dir).lock()).exists();
    try (LocalIotCore next = LocalIotCore.start(LocalIotCoreConfig.defaults(dir))) {
      StandInEndpoint endpoint = StandInEndpoint.read(dir).orElseThrow();
      assertThat(endpoint.pid()).isEqualTo(ProcessHandle.current().pid());
      assertThat(endpoint.mqttPort()).isEqualTo(next.mqttPort());
    }
  }

  @Test
  void aStandInLeavesAnEndpointFileItDidNotWrite() throws Exception {
    StandInEndpoint foreign;
    try (LocalIotCore core = LocalIotCore.start(LocalIotCoreConfig.defaults(dir))) {
      StandInEndpoint own = StandInEndpoint.read(dir).orElseThrow();
      foreign =
          new StandInEndpoint(
              own.mqttHost(),
              own.mqttPort() + 1,
              own.httpUrl(),
              own.rootCaPath(),
              own.region(),
              own.accountId(),
              own.operatorCertDir(),
              own.quotas(),
              own.pid() + 1);
      foreign.write(dir);
    }
    assertThat(StandInEndpoint.read(dir)).contains(foreign);
  }
}
