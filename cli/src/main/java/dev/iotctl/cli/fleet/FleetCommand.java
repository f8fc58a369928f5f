package dev.iotctl.cli.fleet;

import picocli.CommandLine.Command;

/** {@code iotctl fleet}: provisioning many devices at once. */
@Command(
    name = "fleet",
    description = "Provision devices in bulk with a provisioning template.",
    mixinStandardHelpOptions = true,
    subcommands = {FleetRegisterCommand.class})
public final class FleetCommand {}
