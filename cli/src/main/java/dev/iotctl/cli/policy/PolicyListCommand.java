package dev.iotctl.cli.policy;

import dev.iotctl.cli.aws.AwsClients;
import dev.iotctl.cli.aws.AwsCommand;
import dev.iotctl.cli.framework.Json;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.iot.model.Policy;

@Command(
    name = "list",
    description = "List policies, or those attached to a certificate.",
    mixinStandardHelpOptions = true)
final class PolicyListCommand extends AwsCommand {
  @Option(
      names = "--certificate-id",
      paramLabel = "ID",
      description = "Only policies attached to this certificate.")
  String certificateId;

  @Override
  protected int run(AwsClients clients) {
    List<Policy> policies = new ArrayList<>();
    if (certificateId == null) {
      clients.iot().listPoliciesPaginator(r -> r.pageSize(250)).policies().forEach(policies::add);
    } else {
      String arn =
          clients
              .iot()
              .describeCertificate(r -> r.certificateId(certificateId))
              .certificateDescription()
              .certificateArn();
      clients
          .iot()
          .listAttachedPoliciesPaginator(r -> r.target(arn))
          .policies()
          .forEach(policies::add);
    }
    var json = Json.MAPPER.createArrayNode();
    policies.forEach(
        p -> json.addObject().put("policyName", p.policyName()).put("policyArn", p.policyArn()));
    printer()
        .print(json, n -> String.join("\n", policies.stream().map(Policy::policyName).toList()));
    return 0;
  }
}
