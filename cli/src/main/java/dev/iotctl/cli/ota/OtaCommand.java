package dev.iotctl.cli.ota;

import picocli.CommandLine.Command;

/** {@code iotctl ota}: signed firmware updates. */
@Command(
    name = "ota",
    description = "Sign firmware and roll it out: canary group first, then the fleet.",
    mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {
      "  iotctl ota keygen --out keys",
      "  iotctl ota rollout --canary canary --then fleet --file fw.bin --key keys/code-signing.key --firmware-version 1.1.0"
    },
    subcommands = {OtaKeygenCommand.class, OtaSignCommand.class, OtaRolloutCommand.class})
public final class OtaCommand {}
