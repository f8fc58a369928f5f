package dev.iotctl.cli.local;

import picocli.CommandLine.Command;

/** {@code iotctl local}: work with the local IoT Core stand-in. */
@Command(
    name = "local",
    description = "Work with the local IoT Core stand-in.",
    mixinStandardHelpOptions = true,
    subcommands = {LocalApplyCommand.class})
public final class LocalCommand {}
