package dev.iotctl.cli.jobs;

import picocli.CommandLine.Command;

/** {@code iotctl jobs}: create and follow AWS IoT Jobs. */
@Command(
    name = "jobs",
    description = "Create, describe, list, cancel and watch AWS IoT Jobs.",
    mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {
      "  iotctl jobs create --targets group:lamps --document reboot.json --rate 10",
      "  iotctl jobs watch reboot-1"
    },
    subcommands = {
      JobsCreateCommand.class,
      JobsDescribeCommand.class,
      JobsListCommand.class,
      JobsCancelCommand.class,
      JobsWatchCommand.class
    })
public final class JobsCommand {}
