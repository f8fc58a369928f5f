package dev.iotctl.cli;

import dev.iotctl.cli.framework.CliEnvironment;
import dev.iotctl.cli.framework.CommandLineFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** Runs iotctl in-process exactly as {@code main} does, capturing stdout, stderr and exit code. */
public final class CliRunner {
  private CliRunner() {}

  /** The result of one run; the first lines are what a user reads first. */
  public record Result(int exitCode, String out, String err) {
    /** The first line of stdout, or "" when it printed nothing. */
    public String firstOut() {
      return out.lines().findFirst().orElse("");
    }

    /** The first line of stderr, or "" when it printed nothing. */
    public String firstErr() {
      return err.lines().findFirst().orElse("");
    }
  }

  public static Result run(String... args) {
    return run(CliEnvironment.system(), args);
  }

  /** Runs with exactly these environment variables (nothing of the real environment). */
  public static Result run(Map<String, String> env, String... args) {
    return run(new CliEnvironment(env), args);
  }

  public static Result run(CliEnvironment env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        CommandLineFactory.create(new PrintWriter(out, true), new PrintWriter(err, true), env)
            .execute(args);
    return new Result(code, out.toString(), err.toString());
  }
}
