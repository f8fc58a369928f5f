package dev.iotctl.cli.certs;

import picocli.CommandLine.Command;

/** {@code iotctl certs}: one certificate per device, revocable one device at a time. */
@Command(
    name = "certs",
    description = "Issue, revoke, rotate and inspect per-device certificates.",
    mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {
      "  iotctl certs issue sensor-1 --policy device --create-thing --out certs",
      "  iotctl certs revoke sensor-1 --reason \"key leaked\""
    },
    subcommands = {
      CertsIssueCommand.class,
      CertsRevokeCommand.class,
      CertsRotateCommand.class,
      CertsListCommand.class,
      CertsDescribeCommand.class
    })
public final class CertsCommand {}
