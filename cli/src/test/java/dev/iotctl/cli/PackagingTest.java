package dev.iotctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/install} puts an {@code iotctl} on PATH that works from any directory, with bash
 * completion, and {@code --version} names the commit the build came from.
 */
class PackagingTest {
  @Test
  void versionNamesTheCommit() {
    CliRunner.Result r = CliRunner.run("--version");
    assertThat(r.exitCode()).isZero();
    // The build records the commit when it runs in a git checkout, as this one does.
    assertThat(Files.exists(Path.of("../.git"))).isTrue();
    assertThat(r.firstOut())
        .matches(
            "iotctl \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(commit [0-9a-f]{10}, \\d{4}-\\d\\d-\\d\\d\\)");
  }

  @Test
  void installPutsAWorkingLauncherOnPathWithCompletion(@TempDir Path tmp) throws Exception {
    // A checkout whose bin/iotctl runs this build (the real one needs the packaged jar).
    Path root = tmp.resolve("checkout");
    Files.createDirectories(root.resolve("bin"));
    Files.createDirectories(root.resolve("cli/target"));
    Files.writeString(root.resolve("cli/target/iotctl.jar"), "");
    Files.copy(Path.of("../bin/install"), root.resolve("bin/install"));
    TestLauncher.write(root.resolve("bin/iotctl"));
    Files.setPosixFilePermissions(
        root.resolve("bin/install"), PosixFilePermissions.fromString("rwxr-xr-x"));
    Path home = tmp.resolve("home");
    Files.createDirectories(home);

    // No argument: the default, ~/.local/bin (of a home made for the test).
    ProcessBuilder install =
        new ProcessBuilder(root.resolve("bin/install").toString()).redirectErrorStream(true);
    install.environment().put("HOME", home.toString());
    install.environment().remove("XDG_DATA_HOME");
    String out = run(install);
    Path launcher = home.resolve(".local/bin/iotctl");
    assertThat(out).startsWith("installed " + launcher + " (iotctl ");
    assertThat(home.resolve(".local/share/bash-completion/completions/iotctl"))
        .content()
        .contains("complete -F _complete_iotctl -o default iotctl 'bin/iotctl'");

    // On PATH, from an unrelated directory.
    ProcessBuilder version =
        new ProcessBuilder("bash", "-c", "cd / && iotctl --version").redirectErrorStream(true);
    version.environment().put("HOME", home.toString());
    version.environment().put("PATH", launcher.getParent() + ":" + System.getenv("PATH"));
    String printed = run(version);
    assertThat(printed.lines().findFirst().orElse("")).startsWith("iotctl ").contains("(commit ");
  }

  private static String run(ProcessBuilder builder) throws Exception {
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(out).isZero();
    return out;
  }
}
