package dev.iotctl.cli.local;

import picocli.CommandLine.Command;

/** {@code iotctl local}: the local stand-in for AWS IoT Core. */
@Command(
    name = "local",
    description = "Run and inspect the local stand-in for AWS IoT Core.",
    mixinStandardHelpOptions = true,
    subcommands = {
      LocalUpCommand.class,
      LocalApplyCommand.class,
      LocalActionsCommand.class,
      LocalStatsCommand.class
    })
public final class LocalCommand {}
