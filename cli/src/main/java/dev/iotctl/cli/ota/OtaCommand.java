package dev.iotctl.cli.ota;

import picocli.CommandLine.Command;

/** {@code iotctl ota}: signed firmware updates. */
@Command(
    name = "ota",
    description = "Sign firmware and roll it out: canary group first, then the fleet.",
    mixinStandardHelpOptions = true,
    subcommands = {OtaKeygenCommand.class, OtaSignCommand.class, OtaRolloutCommand.class})
public final class OtaCommand {}
