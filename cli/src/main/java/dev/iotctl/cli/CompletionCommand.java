package dev.iotctl.cli;

import dev.iotctl.cli.framework.CliEnvironment;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code iotctl generate-completion}: picocli's bash/zsh completion script, registered for every
 * name iotctl is run by: {@code iotctl}, {@code bin/iotctl} and {@code ./bin/iotctl} in a checkout,
 * and the launcher's absolute path ({@code IOTCTL_LAUNCHER}, set by {@code bin/iotctl}).
 */
@Command(
    name = "generate-completion",
    description = {
      "Print the bash/zsh completion script for iotctl and bin/iotctl.",
      "bin/install puts it where bash-completion finds it."
    },
    mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {"  source <(bin/iotctl generate-completion)"})
final class CompletionCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    String script = AutoComplete.bash(spec.root().name(), spec.root().commandLine());
    List<String> names = new ArrayList<>(List.of("bin/iotctl", "./bin/iotctl"));
    CliEnvironment.of(spec).get("IOTCTL_LAUNCHER").ifPresent(names::add);
    String registration = "complete -F _complete_iotctl -o default iotctl";
    PrintWriter out = spec.commandLine().getOut();
    out.print(
        script.replace(
            registration,
            registration
                + " "
                + String.join(
                    " ", names.stream().map(n -> "'" + n.replace("'", "'\\''") + "'").toList())));
    out.flush();
    return 0;
  }
}
