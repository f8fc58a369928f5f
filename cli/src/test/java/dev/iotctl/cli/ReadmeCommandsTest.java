package dev.iotctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iotctl.local.StandInFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Everyday commands" block, run as written, in order, in one bash shell (its first
 * lines start a fresh stand-in and point the rest at it), so the README cannot drift from what
 * iotctl does. {@code bin/iotctl} here runs this build: one JVM per command, as for a user (this is
 * what makes the test take tens of seconds).
 */
class ReadmeCommandsTest {
  private static final Path README = Path.of("../README.md");
  private static final String SECTION = "## Everyday commands";

  @TempDir Path work;

  @Test
  void everyEverydayCommandRunsAsWritten() throws Exception {
    List<String> commands = commands(Files.readString(README));
    assertThat(commands).hasSizeGreaterThan(10);
    assertThat(commands.get(0)).startsWith("bin/iotctl local up");

    TestLauncher.write(work.resolve("bin/iotctl"));
    copyTree(Path.of("../policies"), work.resolve("policies"));
    Path results = Files.createDirectory(work.resolve(".results"));
    StringBuilder script =
        new StringBuilder("set -u\ntrap 'kill $(jobs -p) 2>/dev/null; wait' EXIT\n");
    for (int i = 0; i < commands.size(); i++) {
      script
          .append("{\n")
          .append(commands.get(i))
          .append("\n} >")
          .append(results.resolve(i + ".out"))
          .append(" 2>")
          .append(results.resolve(i + ".err"))
          .append("\necho $? >")
          .append(results.resolve(i + ".rc"))
          .append('\n');
    }
    ProcessBuilder bash =
        new ProcessBuilder("bash", "-c", script.toString())
            .directory(work.toFile())
            .redirectErrorStream(true);
    bash.environment().keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("IOTCTL_"));
    bash.environment().put("HOME", work.toString());
    bash.environment().put("AWS_EC2_METADATA_DISABLED", "true");
    Process process = bash.start();
    try {
      String shell = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(10, TimeUnit.MINUTES)).as(shell).isTrue();
      for (int i = 0; i < commands.size(); i++) {
        String out = read(results.resolve(i + ".out"));
        String err = read(results.resolve(i + ".err"));
        assertThat(read(results.resolve(i + ".rc")).strip())
            .as("exit code of %s%nstdout: %s%nstderr: %s", commands.get(i), out, err)
            .isEqualTo("0");
        assertThat(err).as(commands.get(i)).doesNotContain("error:");
      }
      assertThat(read(results.resolve("2.out"))).isEqualToIgnoringWhitespace("{\"findings\": []}");
      assertThat(work.resolve("certs/sensor-1/device.json")).exists();
      assertThat(work.resolve("certs/sensor-0020/device.json")).exists();
    } finally {
      process.destroy();
      process.waitFor(60, TimeUnit.SECONDS);
      stopLeftoverStandIn();
    }
  }

  /** The commands of the section's first bash block; a trailing backslash continues a command. */
  static List<String> commands(String readme) {
    int section = readme.indexOf(SECTION);
    assertThat(section).as("README has a section " + SECTION).isNotNegative();
    int start = readme.indexOf("```bash\n", section) + "```bash\n".length();
    int end = readme.indexOf("```", start);
    List<String> commands = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : readme.substring(start, end).split("\n")) {
      if (current.isEmpty() && line.isBlank()) {
        continue;
      }
      current.append(line);
      if (line.endsWith("\\")) {
        current.append('\n');
      } else {
        commands.add(current.toString());
        current.setLength(0);
      }
    }
    return commands;
  }

  private void stopLeftoverStandIn() throws IOException {
    Path lock = new StandInFiles(work.resolve(".iotctl/local")).lock();
    if (Files.exists(lock)) {
      String pid = Files.readString(lock).strip();
      if (!pid.isEmpty()) {
        ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
      }
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
  }

  private static String read(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file) : "(missing)";
  }
}
