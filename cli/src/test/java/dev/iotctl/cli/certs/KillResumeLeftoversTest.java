package dev.iotctl.cli.certs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iotctl.cli.CliRunner;
import dev.iotctl.cli.LocalStandIn;
import dev.iotctl.cli.framework.Json;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bulk {@code certs issue} interrupted again and again, as a user would: Ctrl-C once (it says
 * where it stopped), then SIGKILL, each time resumed by a fresh process and killed at a moment a
 * bundle has a temp file when the test sees one (a write in flight). At the end no temp file is
 * left (a killed write can leave a complete private key that belongs to no certificate), every
 * device has exactly one certificate, none is orphaned and every key matches its certificate.
 */
class KillResumeLeftoversTest {
  private static final int DEVICES = 80;
  private static final int KILLS = 5;

  @TempDir Path dir;

  @Test
  void repeatedKillsAndResumesLeaveNoTempFileNoDuplicateNoOrphanAndNoLostKey() throws Exception {
    try (LocalStandIn standIn = new LocalStandIn(dir.resolve("stand-in"), false)) {
      standIn.createDevicePolicy("device");
      Path out = dir.resolve("certs");
      List<String> args =
          List.of(
              "certs",
              "issue",
              "--prefix",
              "k-",
              "--count",
              Integer.toString(DEVICES),
              "--policy",
              "device",
              "--create-thing",
              "--concurrency",
              "8",
              "--out",
              out.toString(),
              "--local-dir",
              standIn.dataDir.toString());

      // Ctrl-C: the run says where it stopped and how to go on.
      Process interrupted = BulkRuns.startCli(args, dir.resolve("run-0.log"));
      waitForMoreBundles(out, 0, 3, interrupted);
      new ProcessBuilder("kill", "-INT", Long.toString(interrupted.pid())).start().waitFor();
      assertThat(interrupted.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(Files.readString(dir.resolve("run-0.log")))
          .containsPattern("interrupted at \\d+/" + DEVICES + "; rerun with --resume");

      List<String> resume = new ArrayList<>(args);
      resume.add("--resume");
      int tempFilesSeenAfterKills = 0;
      for (int kill = 1; kill <= KILLS; kill++) {
        int before = BulkRuns.completeBundles(out);
        Process child = BulkRuns.startCli(resume, dir.resolve("run-" + kill + ".log"));
        try {
          waitForMoreBundles(out, before, kill, child);
          // Kill mid-write when possible: the moment a bundle has a temp file.
          killWhenATempFileAppears(out, child, Duration.ofSeconds(10));
        } finally {
          child.destroyForcibly(); // SIGKILL: no shutdown hook, no finally
          child.waitFor(30, TimeUnit.SECONDS);
        }
        tempFilesSeenAfterKills += tempFiles(out).size();
      }
      System.out.printf(
          "kill/resume: %d SIGKILLs, %d temp files found right after them%n",
          KILLS, tempFilesSeenAfterKills);

      CliRunner.Result last = CliRunner.run(resume.toArray(String[]::new));
      assertThat(last.exitCode()).as(last.err()).isZero();
      JsonNode summary = Json.MAPPER.readTree(last.out());
      assertThat(summary.path("failed").size()).isZero();

      assertThat(tempFiles(out)).as("temp files left after the resumes").isEmpty();
      List<String> devices = new ArrayList<>();
      for (int i = 1; i <= DEVICES; i++) {
        devices.add(String.format("k-%04d", i));
      }
      BulkRuns.assertOneCertificatePerDeviceAndNoOrphan(standIn, out, devices);
    }
  }

  private static void waitForMoreBundles(Path out, int before, int more, Process child) {
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> BulkRuns.completeBundles(out) >= before + more || !child.isAlive());
    assertThat(child.isAlive()).as("the run was still going when interrupted").isTrue();
  }

  private static void killWhenATempFileAppears(Path out, Process child, Duration atMost)
      throws Exception {
    long deadline = System.nanoTime() + atMost.toNanos();
    while (child.isAlive() && System.nanoTime() < deadline) {
      try (DirectoryStream<Path> bundles = Files.newDirectoryStream(out)) {
        for (Path bundle : bundles) {
          if (Files.isDirectory(bundle)
              && !Files.exists(bundle.resolve(DeviceBundle.DEVICE_JSON))) {
            try (DirectoryStream<Path> temps = Files.newDirectoryStream(bundle, ".*.tmp")) {
              if (temps.iterator().hasNext()) {
                child.destroyForcibly();
                return;
              }
            } catch (java.nio.file.NoSuchFileException gone) {
              // renamed or removed meanwhile
            }
          }
        }
      }
    }
  }

  private static List<Path> tempFiles(Path out) throws Exception {
    if (!Files.isDirectory(out)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(out)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList();
    }
  }
}
