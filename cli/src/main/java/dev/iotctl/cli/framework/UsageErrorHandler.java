package dev.iotctl.cli.framework;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** A bad command line: one error line, suggestions if any, a pointer to --help; exit 2. */
final class UsageErrorHandler implements IParameterExceptionHandler {
  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    String message = ex.getMessage();
    if (message.regionMatches(true, 0, "error:", 0, 6)) {
      message = message.substring(6).strip();
    }
    err.println(cmd.getColorScheme().errorText("error: " + message));
    UnmatchedArgumentException.printSuggestions(ex, err);
    err.println("hint: see '" + cmd.getCommandSpec().qualifiedName() + " --help'");
    err.flush();
    return ExitCodes.USAGE;
  }
}
