package dev.iotctl.cli.local;

import dev.iotctl.cli.aws.AwsClients;
import dev.iotctl.cli.aws.AwsTarget;
import dev.iotctl.cli.aws.LocalTarget;
import dev.iotctl.cli.aws.Retries;
import dev.iotctl.cli.framework.CliEnvironment;
import dev.iotctl.cli.framework.CliException;
import dev.iotctl.cli.framework.ExitCodes;
import dev.iotctl.cli.framework.OutputFormat;
import dev.iotctl.cli.framework.OutputOptions;
import dev.iotctl.cli.framework.Titles;
import dev.iotctl.cli.local.apply.ApplyException;
import dev.iotctl.cli.local.apply.ApplyExecutor;
import dev.iotctl.cli.local.apply.ApplySummary;
import dev.iotctl.cli.local.apply.PseudoParameters;
import dev.iotctl.cli.local.apply.Template;
import dev.iotctl.cli.local.apply.TemplateReader;
import dev.iotctl.local.StandInEndpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
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
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  iotctl local apply cdk.out/demo-core.template.json cdk.out/demo-shard-*.template.json",
      "  iotctl local apply cdk.out/*.template.json --local-dir /tmp/stand-in --output table"
    })
public final class LocalApplyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin OutputOptions outputOptions;

  @Mixin DataDirOption dataDir;

  @Parameters(
      arity = "1..*",
      paramLabel = "TEMPLATE",
      description = "Template files; stacks are applied exporters first.")
  List<Path> templates;

  @Override
  public Integer call() {
    for (Path template : templates) {
      if (!Files.isRegularFile(template)) {
        throw new CliException(ExitCodes.USAGE, "no such file: " + template);
      }
    }
    List<Template> read;
    try {
      read = templates.stream().map(TemplateReader::read).toList();
    } catch (ApplyException e) {
      throw new CliException(ExitCodes.USAGE, e.getMessage());
    }
    ApplySummary summary;
    CliEnvironment env = CliEnvironment.of(spec);
    Path dir = dataDir.dataDir(env);
    try (AwsClients clients =
        new AwsClients(
            AwsTarget.local(LocalTarget.read(dir)),
            env,
            Retries.INTERACTIVE,
            ApacheHttpClient::create)) {
      StandInEndpoint endpoint = clients.target().local().endpoint();
      summary =
          new ApplyExecutor(
                  clients.iot(), PseudoParameters.of(endpoint.region(), endpoint.accountId()), dir)
              .apply(read);
    } catch (ApplyException e) {
      throw new CliException(
          exitCode(e.getCause()),
          e.getMessage(),
          "what was applied before the failure is recorded; fix it and apply again");
    }
    OutputOptions.Group output = outputOptions.get();
    if (output.format() == OutputFormat.text && output.query() == null) {
      // No AWS CLI equivalent to mimic: text is the plan table people read (--query gets JSON).
      spec.commandLine().getOut().println(summary.toTable());
      spec.commandLine().getOut().flush();
    } else {
      output.printer(spec.commandLine().getOut(), Titles.of(spec)).print(summary.toJson());
    }
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
