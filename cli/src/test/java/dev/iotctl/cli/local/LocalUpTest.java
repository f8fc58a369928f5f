package dev.iotctl.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iotctl.cli.CliRunner;
import dev.iotctl.cli.LocalStandIn;
import dev.iotctl.cli.framework.ExitCodes;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code local up} refuses, in one line with exit 4, a data dir another stand-in runs on and a port
 * already in use (naming the way out), before starting anything.
 */
class LocalUpTest {
  @TempDir Path dir;

  @Test
  void aSecondStandInOnTheSameDirIsRefusedWithTheFirstOnesPid() {
    try (LocalStandIn first = new LocalStandIn(dir, false)) {
      CliRunner.Result r =
          CliRunner.run(
              "local", "up", "--local-dir", dir.toString(), "--mqtt-port", "0", "--http-port", "0");
      assertThat(r.exitCode()).isEqualTo(ExitCodes.CONFLICT);
      assertThat(r.firstErr())
          .isEqualTo(
              "error: already running (pid " + ProcessHandle.current().pid() + ") on " + dir);
      assertThat(first.run("things", "list").exitCode()).as("the first one still answers").isZero();
    }
  }

  @Test
  void aPortInUseIsNamedWithTheWayOut() throws Exception {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      int port = taken.getLocalPort();
      CliRunner.Result r =
          CliRunner.run(
              "local",
              "up",
              "--local-dir",
              dir.toString(),
              "--mqtt-port",
              "0",
              "--http-port",
              Integer.toString(port));
      assertThat(r.exitCode()).isEqualTo(ExitCodes.CONFLICT);
      assertThat(r.err())
          .isEqualTo(
              "error: port "
                  + port
                  + " on 127.0.0.1 is already in use (--http-port)\n"
                  + "hint: pick a free one with --mqtt-port 0 --http-port 0\n");
    }
  }
}
