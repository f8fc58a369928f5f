package dev.iotctl.cli.local;

import dev.iotctl.cli.aws.AwsClients;
import dev.iotctl.cli.aws.LocalEndpoint;
import dev.iotctl.cli.aws.TargetOptions;
import dev.iotctl.cli.framework.CliException;
import dev.iotctl.cli.framework.ExitCodes;
import dev.iotctl.cli.framework.OutputOptions;
import dev.iotctl.cli.local.apply.ApplyException;
import dev.iotctl.cli.local.apply.ApplyExecutor;
import dev.iotctl.cli.local.apply.ApplySummary;
import dev.iotctl.cli.local.apply.PseudoParameters;
import dev.iotctl.cli.local.apply.Template;
import dev.iotctl.cli.local.apply.TemplateReader;
import dev.iotctl.cli.output.QueryOption;
import dev.iotctl.cli.output.ResultPrinter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;

/**
 * {@code iotctl local apply cdk.out/<Stack>.template.json ...}: creates the templates' IoT
 * resources on the running stand-in through its IoT API, as CloudFormation would in AWS.
 */
@Command(
    name = "apply",
    mixinStandardHelpOptions = true,
    description = {
      "Apply synthesized CloudFormation templates (cdk.out/*.template.json) to the local stand-in.",
      "Creates thing types, groups, things, policies, certificates (from CSRs, signed by the"
          + " stand-in's CA), attachments and topic rules; other services are listed as skipped.",
      "Applying again changes nothing; a resource removed from a template is removed."
    })
public final class LocalApplyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin OutputOptions outputOptions;

  @Mixin QueryOption queryOption;

  @Parameters(
      arity = "1..*",
      paramLabel = "TEMPLATE",
      description = "Template files; stacks are applied exporters first.")
  List<Path> templates;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description = "The stand-in's data dir (default: ${DEFAULT-VALUE}).")
  Path dataDir = LocalEndpoint.DEFAULT_DATA_DIR;

  @Override
  public Integer call() {
    List<Template> read;
    try {
      read = templates.stream().map(TemplateReader::read).toList();
    } catch (ApplyException e) {
      throw new CliException(ExitCodes.USAGE, e.getMessage());
    }
    ApplySummary summary;
    try (AwsClients clients =
        new AwsClients(TargetOptions.localTarget(dataDir), ApacheHttpClient::create)) {
      LocalEndpoint endpoint = clients.target().local();
      summary =
          new ApplyExecutor(
                  clients.iot(),
                  PseudoParameters.of(endpoint.region(), endpoint.accountId()),
                  dataDir)
              .apply(read);
    } catch (ApplyException e) {
      throw new CliException(
          exitCode(e.getCause()),
          e.getMessage(),
          "what was applied before the failure is recorded; fix it and apply again");
    }
    new ResultPrinter(spec.commandLine().getOut(), outputOptions.format(), queryOption.query())
        .print(summary.toJson(), json -> summary.toTable());
    return ExitCodes.OK;
  }

  private static int exitCode(Throwable cause) {
    if (cause instanceof AwsServiceException aws && aws.awsErrorDetails() != null) {
      return ExitCodes.forAwsErrorCode(aws.awsErrorDetails().errorCode());
    }
    if (cause instanceof SdkClientException) {
      return ExitCodes.UNREACHABLE;
    }
    return ExitCodes.FAILURE;
  }
}
