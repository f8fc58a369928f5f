package dev.iotctl.cli.certs;

import dev.iotctl.cli.aws.AwsClients;
import dev.iotctl.cli.aws.AwsCommand;
import java.time.Clock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "list",
    description =
        "ListCertificates, every page, as the AWS CLI prints it: {\"certificates\": [...]}.",
    mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {
      "  iotctl certs list --status ACTIVE --query 'certificates[].certificateId' --output text",
      "  iotctl certs list --thing sensor-2 --output table"
    })
final class CertsListCommand extends AwsCommand {
  @Option(names = "--thing", paramLabel = "NAME", description = "Only this thing's certificates.")
  String thing;

  @Option(
      names = "--status",
      paramLabel = "S",
      description = "Only this status (ACTIVE, INACTIVE, REVOKED, ...).")
  String status;

  @Override
  protected int run(AwsClients clients) {
    printer().print(new CertificateInspector(clients.iot(), Clock.systemUTC()).list(thing, status));
    return 0;
  }
}
