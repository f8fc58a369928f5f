package dev.iotctl.cli;

import dev.iotctl.cli.framework.CommandLineFactory;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs iotctl in-process exactly as {@code main} does, capturing stdout, stderr and exit code. */
public final class CliRunner {
  private CliRunner() {}

  public record Result(int exitCode, String out, String err) {}

  public static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        CommandLineFactory.create(new PrintWriter(out, true), new PrintWriter(err, true))
            .execute(args);
    return new Result(code, out.toString(), err.toString());
  }
}
