package dev.iotctl.cli.certs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iotctl.cli.aws.AwsClients;
import dev.iotctl.cli.aws.AwsCommand;
import dev.iotctl.cli.aws.Retries;
import dev.iotctl.core.pki.KeyType;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "rotate",
    description = {
      "Rotate a device's certificate without cutting it off, in two steps:",
      "  1. rotate DEVICE: a new certificate, attached beside the old one, in OUT/DEVICE.next/;"
          + " deploy it and let the device reconnect with it.",
      "  2. rotate DEVICE --revoke-old: revoke the old one and promote OUT/DEVICE.next/ to"
          + " OUT/DEVICE/.",
      "--revoke-old alone does both at once: a device still connected with the old certificate is"
          + " cut off until it uses the new bundle."
    },
    mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {
      "  iotctl certs rotate sensor-2                # step 1",
      "  iotctl certs rotate sensor-2 --revoke-old   # step 2, once the device uses .next"
    })
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
      description = "Revoke the old certificate and promote the new bundle.")
  boolean revokeOld;

  @Override
  protected Retries retries() {
    return Retries.DURABLE;
  }

  @Override
  protected int run(AwsClients clients) {
    KeyType type = "rsa".equalsIgnoreCase(keyType) ? KeyType.RSA_2048 : KeyType.EC_P256;
    var issuer = new CertificateIssuer(clients.iot(), DeviceEndpoint.of(clients));
    JsonNode result =
        new CertificateRotator(clients.iot(), issuer).rotate(device, out, type, revokeOld);
    if (revokeOld) {
      boolean oneStep = "ISSUED".equals(result.path("newOutcome").asText());
      err()
          .println(
              "warning: "
                  + device
                  + "'s old certificate is revoked: a device still connected with it is cut off"
                  + " until it uses the new bundle in "
                  + out.resolve(device)
                  + (oneStep
                      ? " (rotate in two steps to avoid this: 'iotctl certs rotate "
                          + device
                          + "', deploy the .next bundle, then --revoke-old)"
                      : ""));
      err().flush();
    }
    printer().print(result);
    return 0;
  }
}
