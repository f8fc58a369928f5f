package dev.iotctl.cli.fleet;

import picocli.CommandLine.Command;

/** {@code iotctl fleet}: provisioning many devices at once. */
@Command(
    name = "fleet",
    description = "Provision devices in bulk with a provisioning template.",
    mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {"  iotctl fleet register --template sensors --input devices.jsonl --reports reports"},
    subcommands = {FleetRegisterCommand.class})
public final class FleetCommand {}
