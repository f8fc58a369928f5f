package dev.iotctl.cli.ca;

import picocli.CommandLine.Command;

/** {@code iotctl ca}: your own certificate authority for devices signed at the factory. */
@Command(
    name = "ca",
    description = "Create your own CA and register it with AWS IoT (or the stand-in).",
    mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {
      "  iotctl ca create --out factory-ca",
      "  iotctl ca register --ca factory-ca --set-as-active --allow-auto-registration"
    },
    subcommands = {CaCreateCommand.class, CaRegisterCommand.class})
public final class CaCommand {}
