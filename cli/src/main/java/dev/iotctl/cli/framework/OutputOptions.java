package dev.iotctl.cli.framework;

import dev.iotctl.cli.output.ResultPrinter;
import java.io.PrintWriter;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * {@code --output}, {@code --query} and {@code --debug} for commands that print a result but do not
 * call AWS; AWS commands get them in their "AWS options" section ({@code AwsOptions}).
 */
public final class OutputOptions {
  @ArgGroup(validate = false, heading = "%nOutput options:%n", order = 1000)
  Group group = new Group();

  /** The options themselves; {@code AwsOptions} extends them with the targeting options. */
  public static class Group {
    @Option(
        names = {"-o", "--output"},
        paramLabel = "FORMAT",
        description = "json (default), text, table or yaml, as the AWS CLI prints them.")
    OutputFormat output;

    @Option(
        names = "--query",
        paramLabel = "JMESPATH",
        description = "JMESPath applied to the result, in the AWS CLI's dialect.")
    String query;

    @Option(names = "--debug", description = "Stack traces and details on failure.")
    boolean debug;

    public OutputFormat format() {
      return output == null ? OutputFormat.json : output;
    }

    public String query() {
      return query;
    }

    /** A printer for this command's result; {@code title} heads the table output. */
    public ResultPrinter printer(PrintWriter out, String title) {
      return new ResultPrinter(out, format(), query, title);
    }
  }

  public Group get() {
    return group == null ? new Group() : group;
  }
}
