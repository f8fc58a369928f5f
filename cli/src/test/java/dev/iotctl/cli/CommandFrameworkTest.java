package dev.iotctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iotctl.cli.framework.CliException;
import dev.iotctl.cli.framework.CommandLineFactory;
import dev.iotctl.cli.framework.ExitCodes;
import dev.iotctl.core.error.IotException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class CommandFrameworkTest {

  @Test
  void helpListsTheCommandAndExitsZero() {
    CliRunner.Result r = CliRunner.run("--help");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("Usage: iotctl").contains("--version");
  }

  @Test
  void everyCommandPrintsItsHelp() {
    CommandLine root =
        CommandLineFactory.create(
            new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    java.util.List<String[]> paths = new java.util.ArrayList<>();
    collect(root, new java.util.ArrayList<>(), paths);
    assertThat(paths).hasSizeGreaterThan(3);
    for (String[] path : paths) {
      String[] args = java.util.Arrays.copyOf(path, path.length + 1);
      args[path.length] = "--help";
      CliRunner.Result r = CliRunner.run(args);
      assertThat(r.exitCode()).as(String.join(" ", args) + ": " + r.err()).isZero();
      assertThat(r.out()).contains("Usage: iotctl");
    }
  }

  private static void collect(
      CommandLine cmd, java.util.List<String> prefix, java.util.List<String[]> out) {
    out.add(prefix.toArray(String[]::new));
    cmd.getSubcommands()
        .forEach(
            (name, sub) -> {
              if (!sub.getCommandSpec().usageMessage().hidden()
                  && !name.equals("generate-completion")) {
                java.util.List<String> next = new java.util.ArrayList<>(prefix);
                next.add(name);
                collect(sub, next, out);
              }
            });
  }

  @Test
  void versionPrintsTheBuildVersion() {
    CliRunner.Result r = CliRunner.run("--version");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).startsWith("iotctl ").doesNotContain("${project.version}");
  }

  @Test
  void unknownOptionIsAUsageErrorWithExitTwo() {
    CliRunner.Result r = CliRunner.run("--no-such-option");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("error: Unknown option: '--no-such-option'").contains("--help");
  }

  @Test
  void completionScriptIsGenerated() {
    CliRunner.Result r = CliRunner.run("generate-completion");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("complete -F").contains("iotctl");
  }

  @Test
  void awsErrorsMapToNamedExitCodesWithoutStackTrace() {
    Failing.toThrow = IotException.notFound("Thing t1 does not exist");
    CliRunner.Result r = runWithFailing("fail");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(r.err())
        .contains("ResourceNotFoundException: Thing t1 does not exist")
        .doesNotContain("\tat ");
  }

  @Test
  void cliExceptionCarriesItsExitCodeAndHint() {
    Failing.toThrow = new CliException(ExitCodes.CONFLICT, "Version conflict", "get it again");
    CliRunner.Result r = runWithFailing("fail");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.CONFLICT);
    assertThat(r.err()).contains("error: Version conflict").contains("hint: get it again");
  }

  @Test
  void unexpectedExceptionsPrintAStackTraceOnlyWithDebug() {
    Failing.toThrow = new IllegalStateException("boom");
    CliRunner.Result quiet = runWithFailing("fail");
    assertThat(quiet.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(quiet.err()).contains("error: boom").doesNotContain("\tat ");

    CliRunner.Result debug = runWithFailing("--debug", "fail");
    assertThat(debug.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(debug.err()).contains("java.lang.IllegalStateException: boom").contains("\tat ");
  }

  @Test
  void anErrorSaysErrorOnce() {
    Failing.toThrow = new CliException(ExitCodes.FAILURE, "Error: the thing broke", null);
    CliRunner.Result r = runWithFailing("fail");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(r.err()).isEqualTo("error: the thing broke\n");
  }

  @Test
  void debugShowsTheStackTraceInsteadOfTheHintToRunWithDebug() {
    Failing.toThrow = new IllegalStateException("boom");
    CliRunner.Result debug = runWithFailing("--debug", "fail");
    assertThat(debug.firstErr()).isEqualTo("error: boom");
    assertThat(debug.err()).doesNotContain("run again with --debug");
  }

  @Test
  void exitCodesAreDistinctForWhatScriptsBranchOn() {
    assertThat(ExitCodes.forAwsErrorCode("ResourceNotFoundException"))
        .isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(ExitCodes.forAwsErrorCode("ConflictException")).isEqualTo(ExitCodes.CONFLICT);
    assertThat(ExitCodes.forAwsErrorCode("ThrottlingException")).isEqualTo(ExitCodes.THROTTLED);
    assertThat(ExitCodes.forAwsErrorCode("SomethingNew")).isEqualTo(ExitCodes.FAILURE);
  }

  /** A test-only subcommand that throws what the test asks for. */
  @Command(name = "fail")
  static final class Failing implements Callable<Integer> {
    static RuntimeException toThrow;

    @Override
    public Integer call() {
      throw toThrow;
    }
  }

  private static CliRunner.Result runWithFailing(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cmd =
        CommandLineFactory.create(new PrintWriter(out, true), new PrintWriter(err, true));
    cmd.addSubcommand(new Failing());
    // Writers propagate only to subcommands present when they are set.
    cmd.setOut(cmd.getOut());
    cmd.setErr(cmd.getErr());
    int code = cmd.execute(args);
    return new CliRunner.Result(code, out.toString(), err.toString());
  }
}
