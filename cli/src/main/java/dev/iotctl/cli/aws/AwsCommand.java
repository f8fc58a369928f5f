package dev.iotctl.cli.aws;

import dev.iotctl.cli.framework.CliEnvironment;
import dev.iotctl.cli.framework.CliException;
import dev.iotctl.cli.framework.ExitCodes;
import dev.iotctl.cli.framework.Titles;
import dev.iotctl.cli.output.ResultPrinter;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Base of the commands that call AWS (or the stand-in): the "AWS options" section, and lazily built
 * clients that are closed when the command ends. A request that cannot reach its endpoint is exit 8
 * naming the URL it tried.
 */
public abstract class AwsCommand implements Callable<Integer> {
  @Spec protected CommandSpec spec;

  @Mixin protected AwsOptions awsOptions;

  @Override
  public final Integer call() throws Exception {
    AwsTarget target = awsOptions.toTarget(environment());
    try (AwsClients clients = new AwsClients(target, environment(), retries())) {
      try {
        return run(clients);
      } catch (SdkClientException e) {
        throw unreachable(e, clients.requests().lastUrl(), target);
      }
    }
  }

  protected abstract int run(AwsClients clients) throws Exception;

  /** How hard the SDK retries for this command (default: as the AWS CLI does). */
  protected Retries retries() {
    return Retries.INTERACTIVE;
  }

  protected CliEnvironment environment() {
    return CliEnvironment.of(spec);
  }

  protected PrintWriter out() {
    return spec.commandLine().getOut();
  }

  protected PrintWriter err() {
    return spec.commandLine().getErr();
  }

  protected ResultPrinter printer() {
    return awsOptions.get().printer(out(), Titles.of(spec));
  }

  /** A request that never got an answer: exit 8 with the URL, other client errors unchanged. */
  static RuntimeException unreachable(SdkClientException e, URI url, AwsTarget target) {
    Throwable cause = e;
    while (cause != null && !(cause instanceof IOException)) {
      cause = cause.getCause();
    }
    if (cause == null) {
      return e;
    }
    String where = url != null ? url.toString() : "the endpoint";
    String hint =
        target.isLocal()
            ? "is the stand-in still running? start it with 'iotctl local up --local-dir "
                + target.local().dataDir()
                + "'"
            : "check --endpoint-url, --region and your network";
    String reason =
        cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return new CliException(
        ExitCodes.UNREACHABLE, "cannot reach " + where + ": " + reason, hint, e);
  }
}
