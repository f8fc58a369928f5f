package dev.iotctl.cli.certs;

import dev.iotctl.cli.aws.AwsClients;
import dev.iotctl.cli.aws.AwsCommand;
import dev.iotctl.cli.aws.Retries;
import dev.iotctl.cli.framework.CliException;
import dev.iotctl.cli.framework.ExitCodes;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "revoke",
    description = {
      "Revoke one device's certificate(s): REVOKED and policies detached (with --delete also"
          + " detached from the thing and deleted). No other certificate is touched, and the output"
          + " proves it. Revoking what is already revoked changes nothing (exit 0)."
    },
    mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {
      "  iotctl certs revoke sensor-1 --reason \"key leaked\"",
      "  iotctl certs revoke --certificate-id 1a2b... --delete"
    })
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
  protected Retries retries() {
    return Retries.DURABLE;
  }

  @Override
  protected int run(AwsClients clients) {
    if ((device == null) == (certificateId == null)) {
      throw new CliException(ExitCodes.USAGE, "give exactly one of DEVICE or --certificate-id");
    }
    CertificateRevoker.Outcome outcome =
        new CertificateRevoker(clients.iot())
            .revoke(
                device, certificateId == null ? List.of() : List.of(certificateId), delete, reason);
    if (outcome.revoked().isEmpty()) {
      err()
          .println(
              (device != null ? device + ": " : "")
                  + "already revoked ("
                  + String.join(", ", outcome.alreadyRevoked())
                  + "); nothing changed");
      err().flush();
    }
    printer().print(outcome.result());
    return 0;
  }
}
