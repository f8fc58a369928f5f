package dev.iotctl.cli.certs;

import dev.iotctl.cli.aws.AwsClients;
import dev.iotctl.cli.aws.AwsCommand;
import dev.iotctl.cli.output.Text;
import java.time.Clock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "list", description = "List certificates.", mixinStandardHelpOptions = true)
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
    printer()
        .print(
            new CertificateInspector(clients.iot(), Clock.systemUTC()).list(thing, status),
            Text::render);
    return 0;
  }
}
