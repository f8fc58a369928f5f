package dev.iotctl.cli.shadow;

import picocli.CommandLine.Command;

/** {@code iotctl shadow}: scripted inspection of Device Shadows. */
@Command(
    name = "shadow",
    description = "Read and write Device Shadows (JSON output, pipe-friendly).",
    mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {
      "  iotctl shadow get lamp --query state.reported",
      "  iotctl shadow update lamp --desired '{\"on\":true}'"
    },
    subcommands = {
      ShadowGetCommand.class,
      ShadowUpdateCommand.class,
      ShadowDeleteCommand.class,
      ShadowListCommand.class,
      ShadowDiffCommand.class,
      ShadowWatchCommand.class
    })
public final class ShadowCommand {}
