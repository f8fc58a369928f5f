package dev.iotctl.cli.policy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotctl.cli.framework.ExitCodes;
import dev.iotctl.cli.framework.Json;
import dev.iotctl.cli.framework.OutputOptions;
import dev.iotctl.cli.framework.Titles;
import dev.iotctl.core.policy.PolicyDocument;
import dev.iotctl.core.policy.PolicyTemplate;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "lint",
    description = {
      "Check policy documents offline: Device Defender's audit checks (overly permissive,"
          + " misconfigured deny) and iotctl's own (iot:* on *, unknown actions such as"
          + " iot:Publsh, unknown or ignored policy variables).",
      "Prints {\"findings\": [...]}; exit 0 when there are none, 1 when there are, 7 for a"
          + " malformed document."
    },
    mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {
      "  iotctl policy lint policies/*.json",
      "  iotctl policy lint monitoring.json --suppress IOT_POLICY_OVERLY_PERMISSIVE_CHECK",
      "  iotctl policy lint device.json --output text"
    })
final class PolicyLintCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin OutputOptions outputOptions;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Policy documents.")
  List<Path> files;

  @Mixin SuppressOption suppressed;

  @Override
  public Integer call() {
    ObjectNode result = Json.MAPPER.createObjectNode();
    var findings = result.putArray("findings");
    for (Path file : files) {
      // Shipped documents name ${AWS::Region} and ${AWS::AccountId}: any values lint the same.
      String document =
          PolicyTemplate.render(PolicyFiles.read(file), "us-east-1", PolicyTester.OFFLINE_ACCOUNT);
      PolicyReview.of(file.toString(), PolicyDocument.parse(document), suppressed.checks)
          .addTo(findings);
    }
    outputOptions.get().printer(spec.commandLine().getOut(), Titles.of(spec)).print(result);
    return findings.isEmpty() ? ExitCodes.OK : ExitCodes.FAILURE;
  }
}
