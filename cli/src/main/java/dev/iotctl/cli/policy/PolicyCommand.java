package dev.iotctl.cli.policy;

import picocli.CommandLine.Command;

/** {@code iotctl policy}: IoT policies, and testing them offline. */
@Command(
    name = "policy",
    description = "Create, attach, detach, list and test IoT policies.",
    mixinStandardHelpOptions = true,
    subcommands = {
      PolicyCreateCommand.class,
      PolicyAttachCommand.class,
      PolicyDetachCommand.class,
      PolicyDeleteCommand.class,
      PolicyListCommand.class,
      PolicyTestCommand.class
    })
public final class PolicyCommand {}
