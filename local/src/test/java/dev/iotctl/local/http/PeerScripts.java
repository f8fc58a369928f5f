package dev.iotctl.local.http;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real AWS clients of the test machine — Debian's AWS CLI v2 ({@code /usr/bin/aws}) and
 * boto3 ({@code /usr/bin/python3} with {@code python3-boto3}) — against a stand-in, with dummy
 * credentials and a private {@code HOME}, so nothing from the user's AWS configuration leaks in.
 */
public final class PeerScripts {
  public static final Path PYTHON = Path.of("/usr/bin/python3");
  public static final Path AWS_CLI = Path.of("/usr/bin/aws");

  private static final long TIMEOUT_SECONDS = 180;

  private PeerScripts() {}

  /** The outcome of one client process: its exit code and everything it printed. */
  public record Result(int exitCode, String output) {}

  /** Skips the test (with the reason) unless boto3 can be imported by Debian's python3. */
  public static void assumeBoto3() {
    boolean present = false;
    if (Files.isExecutable(PYTHON)) {
      try {
        Process p =
            new ProcessBuilder(PYTHON.toString(), "-c", "import boto3")
                .redirectErrorStream(true)
                .start();
        p.getInputStream().readAllBytes();
        present = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
      } catch (IOException e) {
        present = false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    assumeTrue(present, "needs boto3 for /usr/bin/python3 (Debian package python3-boto3)");
  }

  /** Skips the test (with the reason) unless Debian's AWS CLI is installed. */
  public static void assumeAwsCli() {
    assumeTrue(Files.isExecutable(AWS_CLI), "needs /usr/bin/aws (Debian package awscli)");
  }

  /**
   * Runs the test resource {@code script} (a Python file) with {@code /usr/bin/python3}, passing
   * {@code args}; {@code home} becomes the process's {@code HOME}.
   */
  public static Result python(Path home, String script, String... args) {
    List<String> command = new ArrayList<>(List.of(PYTHON.toString(), resource(script).toString()));
    command.addAll(List.of(args));
    return run(home, command);
  }

  /** Runs {@code command} with the AWS clients' environment; {@code home} is its {@code HOME}. */
  public static Result run(Path home, List<String> command) {
    ProcessBuilder process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
    Map<String, String> env = process.environment();
    env.put("HOME", home.toString());
    env.put("AWS_ACCESS_KEY_ID", "dummy");
    env.put("AWS_SECRET_ACCESS_KEY", "dummy");
    env.put("AWS_DEFAULT_REGION", "us-east-1");
    env.put("AWS_EC2_METADATA_DISABLED", "true");
    env.put("AWS_PAGER", "");
    env.put("AWS_CONFIG_FILE", home.resolve("config").toString());
    env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("credentials").toString());
    env.put("PYTHONPATH", "");
    try {
      Files.createDirectories(home);
      Process p = process.start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return new Result(-1, new String(out, StandardCharsets.UTF_8) + "\n(timed out)");
      }
      return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command, e);
    }
  }

  /** The path of a test resource ({@code /name} on the test classpath). */
  public static Path resource(String name) {
    try {
      return Path.of(PeerScripts.class.getResource("/" + name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalArgumentException("no test resource " + name, e);
    }
  }
}
