package dev.iotctl.cli.policy;

import dev.iotctl.cli.framework.CliException;
import dev.iotctl.cli.framework.ExitCodes;
import picocli.CommandLine.Option;

/** The principal a policy is attached to: a certificate id or any target ARN. */
final class PolicyTarget {
  @Option(names = "--certificate-id", paramLabel = "ID", description = "Certificate id.")
  String certificateId;

  @Option(
      names = "--target",
      paramLabel = "ARN",
      description = "Target ARN (certificate, thing group, ...).")
  String target;

  String arn(software.amazon.awssdk.services.iot.IotClient iot) {
    if ((certificateId == null) == (target == null)) {
      throw new CliException(ExitCodes.USAGE, "give exactly one of --certificate-id or --target");
    }
    if (target != null) {
      return target;
    }
    return iot.describeCertificate(r -> r.certificateId(certificateId))
        .certificateDescription()
        .certificateArn();
  }
}
