package dev.iotctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iotctl.cli.framework.ExitCodes;
import dev.iotctl.local.StandInEndpoint;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every error says what happened and what to do, once, with the exit code a script can branch on.
 */
class ErrorsTest {
  @TempDir static Path dir;
  static LocalStandIn standIn;

  @BeforeAll
  static void start() throws Exception {
    standIn = new LocalStandIn(dir.resolve("stand-in"), false);
    standIn.createDevicePolicy("device");
  }

  @AfterAll
  static void stop() {
    standIn.close();
  }

  @Test
  void aMissingFileIsAUsageErrorThatNamesIt() {
    for (String[] args :
        new String[][] {
          {"policy", "lint", "/nonexistent.json"},
          {
            "policy",
            "test",
            "--file",
            "/nonexistent.json",
            "--action",
            "iot:Connect",
            "--resource",
            "client/x"
          },
          {"--debug", "policy", "lint", "/nonexistent.json"},
          {"local", "apply", "/nonexistent.json"},
        }) {
      CliRunner.Result r = CliRunner.run(args);
      assertThat(r.exitCode()).as(String.join(" ", args)).isEqualTo(ExitCodes.USAGE);
      assertThat(r.firstErr()).isEqualTo("error: no such file: /nonexistent.json");
      assertThat(r.err()).doesNotContain("run again with --debug");
    }
    CliRunner.Result shadow =
        standIn.run("shadow", "update", "lamp", "--file", "/nonexistent.json");
    assertThat(shadow.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(shadow.err()).isEqualTo("error: no such file: /nonexistent.json\n");
    CliRunner.Result csv =
        standIn.run("certs", "issue", "--from", "/nonexistent.csv", "--policy", "device");
    assertThat(csv.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(csv.firstErr()).isEqualTo("error: no such file: /nonexistent.csv");
  }

  @Test
  void alreadyExistsAndDeleteConflictHaveTheirOwnHints() {
    standIn.run("things", "create", "dup", "--attribute", "a=1");
    CliRunner.Result exists = standIn.run("things", "create", "dup", "--attribute", "a=2");
    assertThat(exists.exitCode()).isEqualTo(ExitCodes.CONFLICT);
    assertThat(exists.firstErr()).startsWith("error: ResourceAlreadyExistsException: ");
    assertThat(exists.err())
        .contains("hint: it exists already: use it as it is, or delete it first")
        .doesNotContain("version");

    CliRunner.Result issued =
        standIn.run(
            "certs",
            "issue",
            "holder",
            "--policy",
            "device",
            "--create-thing",
            "--out",
            dir.resolve("certs") + "");
    assertThat(issued.exitCode()).as(issued.err()).isZero();
    CliRunner.Result attached = standIn.run("policy", "delete", "device");
    assertThat(attached.exitCode()).isEqualTo(ExitCodes.CONFLICT);
    assertThat(attached.firstErr()).startsWith("error: DeleteConflictException: ");
    assertThat(attached.err())
        .contains(
            "hint: something still uses it: detach it (policies, principals) or delete what uses"
                + " it first");
  }

  @Test
  void watchingAStoppedStandInIsUnreachable() throws Exception {
    Path stopped = dir.resolve("stopped");
    new LocalStandIn(stopped, false).close();
    CliRunner.Result clean = CliRunner.run("shadow", "watch", "lamp", "--local-dir", stopped + "");
    assertThat(clean.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
    assertThat(clean.firstErr())
        .isEqualTo(
            "error: the local stand-in is not running: "
                + stopped.resolve("endpoint.json")
                + " does not exist");

    // Killed: its endpoint.json is left, naming ports nobody listens on any more.
    int closed;
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      closed = s.getLocalPort();
    }
    StandInEndpoint live = StandInEndpoint.read(standIn.dataDir).orElseThrow();
    new StandInEndpoint(
            "127.0.0.1",
            closed,
            java.net.URI.create("http://127.0.0.1:" + closed),
            live.rootCaPath(),
            live.region(),
            live.accountId(),
            live.operatorCertDir(),
            "none",
            1)
        .write(stopped);
    CliRunner.Result killed =
        CliRunner.run("shadow", "watch", "lamp", "--local-dir", stopped + "", "--timeout", "5s");
    assertThat(killed.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
    assertThat(killed.firstErr())
        .isEqualTo("error: cannot reach mqtts://127.0.0.1:" + closed + ": Connection refused");
  }

  @Test
  void untilSyncedPrintsTheDocumentAtOnceWhenAlreadyInSync() {
    standIn.run("shadow", "update", "synced", "--desired", "{\"t\":1}");
    standIn.run("shadow", "update", "synced", "--reported", "{\"t\":1}");
    long start = System.nanoTime();
    CliRunner.Result r =
        standIn.run("shadow", "watch", "synced", "--until-synced", "--timeout", "5m");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
    assertThat(r.firstOut())
        .startsWith("{\"topic\":\"$aws/things/synced/shadow/get/accepted\",\"message\":{")
        .contains("\"reported\":{\"t\":1}");
  }

  @Test
  void aTimeoutPrintsWhatStillDiffers() {
    standIn.run("shadow", "update", "cooler", "--desired", "{\"temp\":5}");
    CliRunner.Result r =
        standIn.run("shadow", "watch", "cooler", "--until-synced", "--timeout", "2s");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(r.firstErr()).isEqualTo("error: cooler did not sync within 2 s; still different:");
    assertThat(r.err()).contains("+ temp: desired 5");
  }

  @Test
  void durationsAcceptUnitsEverywhere() {
    assertThat(
            CliRunner.run("local", "actions", "--local-dir", dir + "", "-f", "--timeout", "300ms")
                .exitCode())
        .isZero();
    CliRunner.Result bad =
        standIn.run("shadow", "watch", "cooler", "--until-synced", "--timeout", "soon");
    assertThat(bad.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(bad.firstErr())
        .isEqualTo(
            "error: Invalid value for option '--timeout': invalid duration 'soon' (use e.g. 30s,"
                + " 500ms, 5m, 60 or PT30S)");
  }
}
