package dev.iotctl.cli.certs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.iotctl.cli.CliRunner;
import dev.iotctl.cli.LocalStandIn;
import dev.iotctl.cli.framework.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An interrupted bulk run stops, says where, keeps the thread's interrupt for its caller, and
 * records no device as failed because of the interrupt: resuming finishes every device.
 */
class BulkInterruptTest {
  @TempDir Path dir;

  @Test
  void anInterruptStopsTheRunKeepsTheInterruptAndFailsNoDevice() throws Exception {
    try (LocalStandIn standIn = new LocalStandIn(dir.resolve("stand-in"), false)) {
      standIn.createDevicePolicy("device");
      Path out = dir.resolve("certs");
      String[] args = {
        "certs",
        "issue",
        "--prefix",
        "i-",
        "--count",
        "100",
        "--policy",
        "device",
        "--create-thing",
        "--out",
        out.toString(),
        "--concurrency",
        "8"
      };
      AtomicBoolean stillInterrupted = new AtomicBoolean();
      Thread[] runner = new Thread[1];
      CompletableFuture<CliRunner.Result> run =
          CompletableFuture.supplyAsync(
              () -> {
                runner[0] = Thread.currentThread();
                CliRunner.Result r = standIn.run(args);
                stillInterrupted.set(Thread.interrupted());
                return r;
              });
      await().atMost(Duration.ofMinutes(1)).until(() -> BulkRuns.completeBundles(out) >= 5);
      runner[0].interrupt();
      CliRunner.Result r = run.get();

      assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILURE);
      assertThat(r.err().lines().filter(l -> l.startsWith("error:")).findFirst().orElse(""))
          .matches("error: interrupted at \\d+/100; rerun with --resume");
      assertThat(stillInterrupted).isTrue();
      assertThat(Files.readString(out.resolve(BulkManifest.FILE))).doesNotContain("interrupted");

      String[] resume = java.util.Arrays.copyOf(args, args.length + 1);
      resume[args.length] = "--resume";
      CliRunner.Result finished = standIn.run(resume);
      assertThat(finished.exitCode()).as(finished.err()).isZero();
      assertThat(BulkRuns.completeBundles(out)).isEqualTo(100);
    }
  }
}
