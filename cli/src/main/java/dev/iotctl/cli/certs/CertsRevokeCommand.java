package dev.iotctl.cli.certs;

import dev.iotctl.cli.aws.AwsClients;
import dev.iotctl.cli.aws.AwsCommand;
import dev.iotctl.cli.framework.CliException;
import dev.iotctl.cli.framework.ExitCodes;
import dev.iotctl.cli.output.Text;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "revoke",
    description =
        "Revoke one device's certificate(s): REVOKED, policies and things detached, optionally"
            + " deleted. No other certificate is touched, and the output proves it.",
    mixinStandardHelpOptions = true)
final class CertsRevokeCommand extends AwsCommand {
  @Parameters(arity = "0..1", paramLabel = "DEVICE", description = "Device (thing) name.")
  String device;

  @Option(names = "--certificate-id", paramLabel = "ID", description = "Revoke this certificate.")
  String certificateId;

  @Option(names = "--delete", description = "Delete the certificate after revoking it.")
  boolean delete;

  @Option(names = "--reason", paramLabel = "TEXT", description = "Why (kept in the output).")
  String reason;

  @Override
  protected int run(AwsClients clients) {
    if ((device == null) == (certificateId == null)) {
      throw new CliException(ExitCodes.USAGE, "give exactly one of DEVICE or --certificate-id");
    }
    var result =
        new CertificateRevoker(clients.iot())
            .revoke(
                device, certificateId == null ? List.of() : List.of(certificateId), delete, reason);
    printer().print(result, Text::render);
    return 0;
  }
}
