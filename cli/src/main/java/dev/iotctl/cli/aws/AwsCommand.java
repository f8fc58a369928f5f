package dev.iotctl.cli.aws;

import dev.iotctl.cli.framework.OutputOptions;
import dev.iotctl.cli.output.QueryOption;
import dev.iotctl.cli.output.ResultPrinter;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of the commands that call AWS (or the stand-in): the targeting, output and query mixins, and
 * lazily built clients that are closed when the command ends.
 */
public abstract class AwsCommand implements Callable<Integer> {
  @Spec protected CommandSpec spec;

  @Mixin protected TargetOptions targetOptions;

  @Mixin protected OutputOptions outputOptions;

  @Mixin protected QueryOption queryOption;

  @Override
  public final Integer call() throws Exception {
    try (AwsClients clients = new AwsClients(targetOptions.toTarget())) {
      return run(clients);
    }
  }

  protected abstract int run(AwsClients clients) throws Exception;

  protected PrintWriter out() {
    return spec.commandLine().getOut();
  }

  protected PrintWriter err() {
    return spec.commandLine().getErr();
  }

  protected ResultPrinter printer() {
    return new ResultPrinter(out(), outputOptions.format(), queryOption.query());
  }
}
