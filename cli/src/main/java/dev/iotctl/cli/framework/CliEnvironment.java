package dev.iotctl.cli.framework;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What a command reads from its process besides the command line: environment variables (AWS_*,
 * IOTCTL_LOCAL_DIR) and the home directory for {@code ~/.aws}. One value per run, given to the
 * command line by {@link CommandLineFactory}, so tests can run a command with any environment.
 */
public record CliEnvironment(Map<String, String> variables) {
  public CliEnvironment {
    variables = Map.copyOf(variables);
  }

  /** The process's real environment. */
  public static CliEnvironment system() {
    return new CliEnvironment(System.getenv());
  }

  /** The environment the running command line was created with. */
  public static CliEnvironment of(CommandSpec spec) {
    Object root = spec.root().userObject();
    return root instanceof Holder holder ? holder.environment() : system();
  }

  /** A variable's value; empty when unset or blank. */
  public Optional<String> get(String name) {
    String value = variables.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }

  /** {@code $HOME}, else the JVM's {@code user.home}. */
  public Path home() {
    return Path.of(get("HOME").orElse(System.getProperty("user.home")));
  }

  /** Implemented by the root command, which carries the environment for its subcommands. */
  public interface Holder {
    CliEnvironment environment();
  }
}
