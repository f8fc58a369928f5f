package dev.iotctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iotctl.cli.framework.CommandLineFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Help a newcomer can act on: examples in every command's help, the AWS options in one section, and
 * completion that works for {@code bin/iotctl} as well as {@code iotctl}.
 */
class HelpAndCompletionTest {
  private static final List<String> AWS_OPTIONS =
      List.of(
          "--profile",
          "--region",
          "--endpoint-url",
          "--data-endpoint",
          "--local",
          "--local-dir",
          "--output",
          "--query",
          "--debug");

  @Test
  void everyCommandsHelpHasOneToThreeExamples() {
    for (List<String> path : commands()) {
      List<String> args = new ArrayList<>(path);
      args.add("--help");
      CliRunner.Result r = CliRunner.run(args.toArray(String[]::new));
      String name = String.join(" ", path);
      assertThat(r.exitCode()).as(name).isZero();
      assertThat(r.firstOut()).as(name).startsWith("Usage: iotctl");
      int at = r.out().indexOf("\nExamples:\n");
      assertThat(at).as(name + " has an Examples section").isPositive();
      // An example is a line indented by two; its continuation lines by six.
      long examples =
          r.out()
              .substring(at)
              .lines()
              .filter(l -> l.startsWith("  ") && !l.startsWith("      "))
              .count();
      assertThat(examples).as(name + " examples").isBetween(1L, 3L);
    }
  }

  @Test
  void awsOptionsAreOneSectionOfTheHelp() {
    CliRunner.Result r = CliRunner.run("things", "list", "--help");
    String help = r.out();
    int section = help.indexOf("\nAWS options (as the AWS CLI's; --local targets the stand-in):\n");
    assertThat(section).isPositive();
    assertThat(r.firstOut()).isEqualTo("Usage: iotctl things list [OPTIONS]");
    for (String option : AWS_OPTIONS) {
      java.util.regex.Matcher listed =
          java.util.regex.Pattern.compile(
                  "^ +(-\\w, )?" + option + "[ =]", java.util.regex.Pattern.MULTILINE)
              .matcher(help);
      assertThat(listed.find()).as(option + " listed").isTrue();
      assertThat(listed.start()).as(option + " in the AWS section").isGreaterThan(section);
      assertThat(listed.find()).as(option + " listed once").isFalse();
    }
  }

  @Test
  void completionWorksForBinIotctlAsWellAsIotctl(@TempDir Path dir) throws Exception {
    CliRunner.Result script = CliRunner.run("generate-completion");
    assertThat(script.exitCode()).isZero();
    Path file = dir.resolve("iotctl-completion.bash");
    Files.writeString(file, script.out());
    for (String command : List.of("iotctl", "bin/iotctl", "./bin/iotctl")) {
      String probe =
          "source "
              + file
              + "; complete -p "
              + command
              + " >/dev/null || exit 3; COMP_WORDS=("
              + command
              + " sha); COMP_CWORD=1; COMP_LINE='"
              + command
              + " sha'; COMP_POINT=${#COMP_LINE}; _complete_iotctl; echo \"${COMPREPLY[@]}\"";
      Process bash = new ProcessBuilder("bash", "-c", probe).redirectErrorStream(true).start();
      String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(bash.exitValue()).as(command + ": " + out).isZero();
      assertThat(out.strip()).as(command).isEqualTo("shadow");
    }
  }

  private static List<List<String>> commands() {
    CommandLine root =
        CommandLineFactory.create(
            new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    List<List<String>> out = new ArrayList<>();
    collect(root, new ArrayList<>(), out);
    return out;
  }

  private static void collect(CommandLine cmd, List<String> prefix, List<List<String>> out) {
    if (!prefix.isEmpty()) {
      out.add(prefix);
    }
    cmd.getSubcommands()
        .forEach(
            (name, sub) -> {
              List<String> next = new ArrayList<>(prefix);
              next.add(name);
              collect(sub, next, out);
            });
  }
}
