package dev.iotctl.cli.policy;

import dev.iotctl.cli.aws.AwsClients;
import dev.iotctl.cli.aws.AwsCommand;
import dev.iotctl.cli.framework.Json;
import dev.iotctl.cli.output.Text;
import dev.iotctl.core.policy.PolicyDocument;
import dev.iotctl.core.policy.PolicyTemplate;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "create",
    description = "Create a policy from a document (validated locally first).",
    mixinStandardHelpOptions = true)
final class PolicyCreateCommand extends AwsCommand {
  @Parameters(paramLabel = "NAME", description = "Policy name.")
  String name;

  @Option(names = "--file", required = true, paramLabel = "FILE", description = "Policy document.")
  Path file;

  @Override
  protected int run(AwsClients clients) {
    String template = PolicyTester.read(file);
    // Shipped documents name ${AWS::Region} and ${AWS::AccountId}: fill them for the target.
    String document =
        PolicyTemplate.needsAccount(template)
            ? PolicyTemplate.render(template, clients.region(), clients.accountId())
            : template;
    PolicyDocument.parse(document); // the same error AWS would give, before any call
    var created = clients.iot().createPolicy(r -> r.policyName(name).policyDocument(document));
    var json =
        Json.MAPPER
            .createObjectNode()
            .put("policyName", created.policyName())
            .put("policyArn", created.policyArn())
            .put("policyVersionId", created.policyVersionId());
    printer().print(json, Text::render);
    return 0;
  }
}
