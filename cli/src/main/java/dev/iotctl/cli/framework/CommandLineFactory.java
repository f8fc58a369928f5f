package dev.iotctl.cli.framework;

import dev.iotctl.cli.IotctlCommand;
import java.io.PrintWriter;
import java.time.Duration;
import picocli.CommandLine;

/**
 * Builds the one {@link CommandLine} used by {@code main} and by tests, so both see the same
 * writers, environment, error handling and exit codes.
 */
public final class CommandLineFactory {
  private CommandLineFactory() {}

  public static CommandLine create(PrintWriter out, PrintWriter err) {
    return create(out, err, CliEnvironment.system());
  }

  public static CommandLine create(PrintWriter out, PrintWriter err, CliEnvironment env) {
    CommandLine cmd = new CommandLine(new IotctlCommand(env));
    cmd.registerConverter(Duration.class, new DurationConverter());
    cmd.setOut(out);
    cmd.setErr(err);
    cmd.setCaseInsensitiveEnumValuesAllowed(true);
    cmd.setExecutionExceptionHandler(new ExecutionErrorHandler());
    cmd.setParameterExceptionHandler(new UsageErrorHandler());
    abbreviateSynopsis(cmd);
    cmd.setExitCodeExceptionMapper(ex -> ExecutionErrorHandler.Failure.of(ex).exitCode());
    return cmd;
  }

  /** "Usage: iotctl things list [OPTIONS]": the options follow, grouped, in the help itself. */
  private static void abbreviateSynopsis(CommandLine cmd) {
    cmd.getCommandSpec().usageMessage().abbreviateSynopsis(true);
    cmd.getSubcommands().values().forEach(CommandLineFactory::abbreviateSynopsis);
  }
}
