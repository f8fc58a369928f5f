package dev.iotctl.cli.local;

import picocli.CommandLine.Command;

/** {@code iotctl local}: the local IoT Core stand-in. */
@Command(
    name = "local",
    description = "Work with the local IoT Core stand-in.",
    mixinStandardHelpOptions = true,
    subcommands = {LocalActionsCommand.class, LocalStatsCommand.class})
public final class LocalCommand {}
