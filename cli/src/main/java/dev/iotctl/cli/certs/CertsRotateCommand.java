package dev.iotctl.cli.certs;

import dev.iotctl.cli.aws.AwsClients;
import dev.iotctl.cli.aws.AwsCommand;
import dev.iotctl.cli.output.Text;
import dev.iotctl.core.pki.KeyType;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "rotate",
    description =
        "Issue and attach a new certificate beside the old one (OUT/DEVICE.next/); with"
            + " --revoke-old, revoke the old one and promote the new bundle.",
    mixinStandardHelpOptions = true)
final class CertsRotateCommand extends AwsCommand {
  @Parameters(paramLabel = "DEVICE", description = "Device (thing) name.")
  String device;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "certs",
      description = "Bundles live in DIR/DEVICE/ (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = "--key-type",
      paramLabel = "TYPE",
      defaultValue = "ec",
      description = "ec or rsa (default: ${DEFAULT-VALUE}).")
  String keyType;

  @Option(
      names = "--revoke-old",
      description = "Revoke the old certificate once the new one is attached.")
  boolean revokeOld;

  @Override
  protected int run(AwsClients clients) {
    KeyType type = "rsa".equalsIgnoreCase(keyType) ? KeyType.RSA_2048 : KeyType.EC_P256;
    var issuer = new CertificateIssuer(clients.iot(), DeviceEndpoint.of(clients));
    var result = new CertificateRotator(clients.iot(), issuer).rotate(device, out, type, revokeOld);
    printer().print(result, Text::render);
    return 0;
  }
}
