package dev.iotctl.cli;

import dev.iotctl.cli.framework.CommandLineFactory;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Entry point of the {@code iotctl} jar. */
public final class Iotctl {
  private Iotctl() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    int exitCode = CommandLineFactory.create(out, err).execute(args);
    out.flush();
    err.flush();
    System.exit(exitCode);
  }
}
