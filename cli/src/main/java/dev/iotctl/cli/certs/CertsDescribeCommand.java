package dev.iotctl.cli.certs;

import dev.iotctl.cli.aws.AwsClients;
import dev.iotctl.cli.aws.AwsCommand;
import java.time.Clock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "describe",
    description = {
      "Status, validity, days to expiry, attached policies and things of one certificate or of"
          + " every certificate of a device (revoked ones included), always as"
          + " {\"certificates\": [...]}."
    },
    mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {
      "  iotctl certs describe sensor-2",
      "  iotctl certs describe sensor-2 --query 'certificates[].[certificateId,status]'"
          + " --output text"
    })
final class CertsDescribeCommand extends AwsCommand {
  @Parameters(paramLabel = "ID|DEVICE", description = "Certificate id (64 hex) or device name.")
  String idOrDevice;

  @Override
  protected int run(AwsClients clients) {
    printer()
        .print(new CertificateInspector(clients.iot(), Clock.systemUTC()).describe(idOrDevice));
    return 0;
  }
}
