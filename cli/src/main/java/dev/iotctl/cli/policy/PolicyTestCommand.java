package dev.iotctl.cli.policy;

import dev.iotctl.cli.aws.AwsClients;
import dev.iotctl.cli.aws.AwsCommand;
import dev.iotctl.cli.framework.CliException;
import dev.iotctl.cli.framework.ExitCodes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "test",
    description = {
      "Would this request be allowed? Answered by iotctl's policy engine, naming the statement(s)"
          + " that decided.",
      "Offline on policy files (--file, repeatable) or on what is attached to a certificate"
          + " (--certificate-id). Exit 0 when the answer is the expected one (default: allow), 1"
          + " otherwise."
    },
    mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {
      "  iotctl policy test --file policies/device.json --thing lamp --action iot:Publish \\",
      "      --resource topic/devices/lamp/telemetry",
      "  iotctl policy test --file policies/device.json --thing lamp --action iot:Publish \\",
      "      --resource topic/devices/fan/telemetry --expect deny"
    })
final class PolicyTestCommand extends AwsCommand {
  @Option(names = "--file", paramLabel = "FILE", description = "Policy document (repeatable).")
  List<Path> files = new ArrayList<>();

  @Option(
      names = "--certificate-id",
      paramLabel = "ID",
      description = "Use this certificate's policies and thing.")
  String certificateId;

  @Option(
      names = "--action",
      required = true,
      paramLabel = "ACTION",
      description = "e.g. iot:Connect, iot:Publish.")
  String action;

  @Option(
      names = "--resource",
      required = true,
      paramLabel = "RESOURCE",
      description = "ARN, or short form such as topic/devices/t1/telemetry.")
  String resource;

  @Option(
      names = "--client-id",
      paramLabel = "C",
      description = "MQTT client id for ${iot:ClientId} (default: --thing).")
  String clientId;

  @Option(
      names = "--thing",
      paramLabel = "NAME",
      description = "Offline: the connection's attached thing.")
  String thing;

  @Option(names = "--thing-type", paramLabel = "T", description = "Offline: its thing type.")
  String thingType;

  @Option(
      names = "--attribute",
      paramLabel = "K=V",
      description = "Offline: a thing attribute (repeatable).")
  Map<String, String> attributes = new LinkedHashMap<>();

  @Option(
      names = "--cert",
      paramLabel = "PEM",
      description = "Offline: certificate for ${iot:Certificate.*}.")
  Path certificate;

  @Option(
      names = "--account",
      paramLabel = "ID",
      description = "Offline: account id in ARNs (default: 123456789012).")
  String account;

  @Option(
      names = "--expect",
      paramLabel = "allow|deny",
      defaultValue = "allow",
      description = "The answer that exits 0 (default: ${DEFAULT-VALUE}).")
  String expect;

  @Override
  protected int run(AwsClients clients) {
    if (files.isEmpty() == (certificateId == null)) {
      throw new CliException(
          ExitCodes.USAGE, "give --file (offline) or --certificate-id, not both");
    }
    if (!expect.equals("allow") && !expect.equals("deny")) {
      throw new CliException(ExitCodes.USAGE, "--expect must be allow or deny");
    }
    String client = clientId != null ? clientId : thing;
    var json =
        files.isEmpty()
            ? PolicyTester.testCertificate(
                clients.iot(),
                certificateId,
                new PolicyTester.Question(
                    action, resource, client, null, null, Map.of(), null, null))
            : PolicyTester.testFiles(
                files,
                certificate,
                new PolicyTester.Question(
                    action,
                    resource,
                    client,
                    thing,
                    thingType,
                    attributes,
                    clients.target().region() != null ? clients.target().region() : "us-east-1",
                    account != null ? account : PolicyTester.OFFLINE_ACCOUNT));
    printer().print(json);
    boolean allowed = json.path("allowed").asBoolean();
    return allowed == expect.equals("allow") ? ExitCodes.OK : ExitCodes.FAILURE;
  }
}
