package dev.iotctl.cli.certs;

import dev.iotctl.cli.aws.AwsClients;
import dev.iotctl.cli.aws.AwsCommand;
import dev.iotctl.cli.output.Text;
import java.time.Clock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "describe",
    description = "Status, validity, days to expiry, attached policies and things.",
    mixinStandardHelpOptions = true)
final class CertsDescribeCommand extends AwsCommand {
  @Parameters(paramLabel = "ID|DEVICE", description = "Certificate id (64 hex) or device name.")
  String idOrDevice;

  @Override
  protected int run(AwsClients clients) {
    printer()
        .print(
            new CertificateInspector(clients.iot(), Clock.systemUTC()).describe(idOrDevice),
            Text::render);
    return 0;
  }
}
