package dev.iotctl.cli.things;

import picocli.CommandLine.Command;

/** {@code iotctl things}: thin wrappers over the thing registry. */
@Command(
    name = "things",
    description = "Create, list, describe and delete things.",
    mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {"  iotctl things list --query 'things[].thingName' --output text"},
    subcommands = {
      ThingsCreateCommand.class,
      ThingsListCommand.class,
      ThingsDescribeCommand.class,
      ThingsDeleteCommand.class
    })
public final class ThingsCommand {}
