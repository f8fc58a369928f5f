package dev.iotctl.cli.certs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iotctl.cli.CliRunner;
import dev.iotctl.cli.Iotctl;
import dev.iotctl.cli.LocalStandIn;
import dev.iotctl.cli.framework.Json;
import dev.iotctl.core.policy.PolicyTemplate;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bulk issue of 500 devices against a stand-in throttling at AWS's default quotas, killed part-way
 * (SIGKILL of the CLI process) and resumed: no duplicate certificate, no orphan, every key 0600 and
 * matching its certificate.
 */
class BulkIssueResumeTest {
  private static final int DEVICES = 500;

  @TempDir Path dir;

  @Test
  void killedPartWayAndResumedLeavesExactlyOneCertificatePerDevice() throws Exception {
    try (LocalStandIn standIn = new LocalStandIn(dir.resolve("stand-in"), true)) {
      Path policy = dir.resolve("device.json");
      Files.writeString(
          policy,
          PolicyTemplate.render(
              Files.readString(Path.of("../policies/device.json")),
              standIn.core.config().region(),
              standIn.core.config().accountId()));
      assertThat(standIn.run("policy", "create", "device", "--file", policy.toString()).exitCode())
          .isZero();
      Path out = dir.resolve("certs");
      List<String> args =
          List.of(
              "certs",
              "issue",
              "--prefix",
              "bulk-",
              "--count",
              Integer.toString(DEVICES),
              "--policy",
              "device",
              "--create-thing",
              "--concurrency",
              "8",
              "--out",
              out.toString(),
              "--local",
              standIn.dataDir.toString());

      Process child = startCli(args, dir.resolve("child.log"));
      try {
        await()
            .atMost(Duration.ofMinutes(3))
            .pollInterval(Duration.ofMillis(100))
            .until(() -> completeBundles(out) >= 60 || !child.isAlive());
      } finally {
        child.destroyForcibly().waitFor();
      }
      int beforeResume = completeBundles(out);
      assertThat(beforeResume).as("killed part-way").isBetween(1, DEVICES - 1);

      List<String> resume = new ArrayList<>(args.subList(0, args.size() - 2));
      resume.add("--resume");
      String[] resumeArgs = resume.toArray(String[]::new);
      CliRunner.Result r = standIn.run(resumeArgs);
      assertThat(r.exitCode()).as(r.err()).isZero();
      JsonNode summary = Json.MAPPER.readTree(r.out());
      assertThat(summary.path("failed").size()).isZero();
      assertThat(
              summary.path("issued").asInt()
                  + summary.path("recovered").asInt()
                  + summary.path("skipped").asInt())
          .isEqualTo(DEVICES);
      System.out.printf(
          "bulk resume: %d bundles before the kill, then %s%n", beforeResume, summary);

      // No duplicates: one certificate per device in the whole registry (the stand-in's own
      // operator
      // certificate is not listed), each on exactly one thing.
      assertThat(CertsCommandsTest.certificateCount(standIn)).isEqualTo(DEVICES);
      Set<String> attached = new HashSet<>();
      for (int i = 1; i <= DEVICES; i++) {
        String thing = String.format("bulk-%04d", i);
        List<String> principals =
            standIn.core.registry().thingPrincipals().listThingPrincipals(thing, 250, null).items();
        assertThat(principals).as(thing).hasSize(1);
        attached.add(principals.get(0));
        Path bundle = out.resolve(thing);
        DeviceBundle b = DeviceBundle.read(bundle).orElseThrow();
        assertThat(principals.get(0)).isEqualTo(b.certificateArn());
        assertThat(
                PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(bundle.resolve(DeviceBundle.PRIVATE_KEY))))
            .isEqualTo("rw-------");
        CertsCommandsTest.assertKeyMatchesCertificate(bundle);
      }
      // No orphans: every listed certificate is attached to a device.
      assertThat(attached).hasSize(DEVICES);
      Set<String> all = new HashSet<>();
      String marker = null;
      do {
        var page = standIn.core.registry().certificates().list(true, 250, marker);
        page.items().forEach(c -> all.add(c.arn()));
        marker = page.nextToken().orElse(null);
      } while (marker != null);
      assertThat(all).isEqualTo(attached);
    }
  }

  private static int completeBundles(Path out) throws Exception {
    if (!Files.isDirectory(out)) {
      return 0;
    }
    try (Stream<Path> dirs = Files.list(out)) {
      return (int) dirs.filter(d -> Files.exists(d.resolve(DeviceBundle.DEVICE_JSON))).count();
    }
  }

  private static Process startCli(List<String> args, Path log) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Iotctl.class.getName());
    command.addAll(args);
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .directory(new File("."))
        .start();
  }
}
