package dev.iotctl.cli.local;

import picocli.CommandLine.Command;

/** {@code iotctl local}: the local stand-in for AWS IoT Core. */
@Command(
    name = "local",
    description = "Run and inspect the local stand-in for AWS IoT Core.",
    mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {
      "  iotctl local up --mqtt-port 0 --http-port 0",
      "  eval \"$(iotctl local env)\"   # then the AWS CLI, boto3 and iotctl target it"
    },
    subcommands = {
      LocalUpCommand.class,
      LocalEnvCommand.class,
      LocalApplyCommand.class,
      LocalActionsCommand.class,
      LocalStatsCommand.class
    })
public final class LocalCommand {}
