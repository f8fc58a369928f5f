package dev.iotctl.cli.policy;

import dev.iotctl.cli.aws.AwsClients;
import dev.iotctl.cli.aws.AwsCommand;
import dev.iotctl.cli.framework.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.iot.model.Policy;

@Command(
    name = "list",
    description =
        "ListPolicies (or ListAttachedPolicies of a certificate), every page: {\"policies\": [...]}.",
    mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {
      "  iotctl policy list --query 'policies[].policyName' --output text",
      "  iotctl policy list --certificate-id 1a2b..."
    })
final class PolicyListCommand extends AwsCommand {
  @Option(
      names = "--certificate-id",
      paramLabel = "ID",
      description = "Only policies attached to this certificate.")
  String certificateId;

  @Override
  protected int run(AwsClients clients) {
    Iterable<Policy> policies;
    if (certificateId == null) {
      policies = clients.iot().listPoliciesPaginator(r -> r.pageSize(250)).policies();
    } else {
      String arn =
          clients
              .iot()
              .describeCertificate(r -> r.certificateId(certificateId))
              .certificateDescription()
              .certificateArn();
      policies = clients.iot().listAttachedPoliciesPaginator(r -> r.target(arn)).policies();
    }
    var json = Json.MAPPER.createObjectNode();
    var list = json.putArray("policies");
    policies.forEach(
        p -> list.addObject().put("policyName", p.policyName()).put("policyArn", p.policyArn()));
    printer().print(json);
    return 0;
  }
}
