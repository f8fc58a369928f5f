package dev.iotctl.cli.policy;

import dev.iotctl.cli.aws.AwsClients;
import dev.iotctl.cli.aws.AwsCommand;
import dev.iotctl.cli.framework.CliException;
import dev.iotctl.cli.framework.ExitCodes;
import dev.iotctl.cli.framework.Json;
import dev.iotctl.core.policy.PolicyDocument;
import dev.iotctl.core.policy.PolicyTemplate;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "create",
    description = {
      "Create a policy from a document, checked locally first: a malformed one gets AWS's error"
          + " before any call, and 'policy lint''s findings are printed as warnings (with"
          + " --strict, they stop the creation: exit 1).",
      "${AWS::Region} and ${AWS::AccountId} in the document are filled for the target."
    },
    mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {
      "  iotctl policy create device --file policies/device.json",
      "  iotctl policy create device --file policies/device.json --strict --local"
    })
final class PolicyCreateCommand extends AwsCommand {
  @Parameters(paramLabel = "NAME", description = "Policy name.")
  String name;

  @Option(names = "--file", required = true, paramLabel = "FILE", description = "Policy document.")
  Path file;

  @Option(names = "--strict", description = "Refuse a document with lint findings.")
  boolean strict;

  @Mixin SuppressOption suppressed;

  @Override
  protected int run(AwsClients clients) {
    String template = PolicyFiles.read(file);
    // Shipped documents name ${AWS::Region} and ${AWS::AccountId}: fill them for the target.
    String document =
        PolicyTemplate.needsAccount(template)
            ? PolicyTemplate.render(template, clients.region(), clients.accountId())
            : template;
    PolicyReview review =
        PolicyReview.of(file.toString(), PolicyDocument.parse(document), suppressed.checks);
    review.lines().forEach(line -> err().println((strict ? "error: " : "warning: ") + line));
    if (strict && !review.findings().isEmpty()) {
      throw new CliException(
          ExitCodes.FAILURE,
          "policy " + name + " not created: " + review.findings().size() + " lint finding(s)",
          "fix them, or --suppress CHECK what you mean to allow");
    }
    err().flush();
    var created = clients.iot().createPolicy(r -> r.policyName(name).policyDocument(document));
    printer()
        .print(
            Json.MAPPER
                .createObjectNode()
                .put("policyName", created.policyName())
                .put("policyArn", created.policyArn())
                .put("policyDocument", created.policyDocument())
                .put("policyVersionId", created.policyVersionId()));
    return 0;
  }
}
