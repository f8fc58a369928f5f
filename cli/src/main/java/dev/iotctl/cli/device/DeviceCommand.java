package dev.iotctl.cli.device;

import picocli.CommandLine.Command;

/** {@code iotctl device}: run the sample device with a bundle from {@code certs issue}. */
@Command(
    name = "device",
    description = "Run the sample device (AWS's Python hands-on device, in Java) with a bundle.",
    mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {"  iotctl device run certs/lamp --count 3"},
    subcommands = {DeviceRunCommand.class})
public final class DeviceCommand {}
