package dev.iotctl.cli.demo;

import dev.iotctl.cli.framework.DebugOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "demo",
    description = {
      "Tell the whole story against an embedded stand-in in a temporary directory: two devices,"
          + " a certificate each, shadow sync both ways, one device revoked while the other keeps"
          + " working. Exits 0 only if every step was observed."
    },
    mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {"  iotctl demo", "  iotctl demo --keep"})
public final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin DebugOption debug;

  @Option(names = "--keep", description = "Keep the temporary directory (certificates, state).")
  boolean keep;

  @Override
  public Integer call() throws Exception {
    Path workDir = Files.createTempDirectory("iotctl-demo-");
    try {
      new DemoRunner(workDir, spec.commandLine().getOut()).run();
      return 0;
    } catch (AssertionError e) {
      spec.commandLine().getErr().println("demo failed: " + e.getMessage());
      return 1;
    } finally {
      if (keep) {
        spec.commandLine().getErr().println("kept " + workDir);
      } else {
        deleteTree(workDir);
      }
    }
  }

  private static void deleteTree(Path dir) throws java.io.IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
