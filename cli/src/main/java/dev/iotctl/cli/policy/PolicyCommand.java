package dev.iotctl.cli.policy;

import picocli.CommandLine.Command;

/** {@code iotctl policy}: IoT policies, linting and testing them offline. */
@Command(
    name = "policy",
    description = "Create, attach, detach, list, lint and test IoT policies.",
    mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {
      "  iotctl policy lint policies/*.json",
      "  iotctl policy create device --file policies/device.json"
    },
    subcommands = {
      PolicyCreateCommand.class,
      PolicyAttachCommand.class,
      PolicyDetachCommand.class,
      PolicyDeleteCommand.class,
      PolicyListCommand.class,
      PolicyLintCommand.class,
      PolicyTestCommand.class
    })
public final class PolicyCommand {}
