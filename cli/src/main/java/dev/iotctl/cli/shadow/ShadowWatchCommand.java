package dev.iotctl.cli.shadow;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iotctl.cli.aws.AwsClients;
import dev.iotctl.cli.aws.AwsCommand;
import dev.iotctl.cli.aws.LocalTarget;
import dev.iotctl.cli.certs.DeviceBundle;
import dev.iotctl.cli.framework.CliException;
import dev.iotctl.cli.framework.ExitCodes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.services.iotdataplane.model.ResourceNotFoundException;

@Command(
    name = "watch",
    description = {
      "Stream a shadow's delta and documents messages over MQTT as JSON lines"
          + " ({\"topic\": ..., \"message\": ...}).",
      "With --until-synced, exit 0 as soon as reported matches desired, printing the document"
          + " (at once when it already does); exit 1 with what still differs if --timeout passes"
          + " first.",
      "Identity: the stand-in's operator certificate with --local; on AWS a bundle (--cert-dir)"
          + " whose policy allows subscribing to the shadow topics, e.g. a monitoring client."
    },
    mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {
      "  iotctl shadow watch lamp --until-synced --timeout 60s",
      "  iotctl shadow watch lamp --timeout 5m --cert-dir certs/monitor-1"
    })
final class ShadowWatchCommand extends AwsCommand {
  @Parameters(paramLabel = "THING", description = "Thing name.")
  String thing;

  @Option(names = "--name", paramLabel = "SHADOW", description = "Named shadow (default: classic).")
  String shadowName;

  @Option(names = "--until-synced", description = "Exit 0 when the delta is empty.")
  boolean untilSynced;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      description = "Stop after this long: 30s, 5m, or seconds.")
  Duration timeout;

  @Option(
      names = "--cert-dir",
      paramLabel = "DIR",
      description = "Bundle to connect with (certs issue output).")
  Path certDir;

  @Option(
      names = "--client-id",
      paramLabel = "ID",
      description =
          "MQTT client id (default: the bundle's thing, or iotctl-operator-<random> locally).")
  String clientId;

  @Override
  protected int run(AwsClients clients) throws InterruptedException {
    ShadowWatcher.Identity identity = identity(clients);
    ShadowTool shadows = new ShadowTool(clients.data());
    boolean synced =
        new ShadowWatcher(identity, out())
            .watch(thing, shadowName, timeout, untilSynced, () -> current(shadows));
    if (untilSynced && !synced) {
      err()
          .println(
              "error: "
                  + thing
                  + " did not sync within "
                  + (timeout.toMillis() % 1000 == 0
                      ? timeout.toSeconds() + " s"
                      : timeout.toMillis() + " ms")
                  + "; still different:");
      current(shadows)
          .map(ShadowDiff::of)
          .ifPresentOrElse(
              diff -> err().println(diff.toText()), () -> err().println("  (no shadow)"));
      return ExitCodes.FAILURE;
    }
    return ExitCodes.OK;
  }

  private Optional<JsonNode> current(ShadowTool shadows) {
    try {
      return Optional.of(ShadowTool.parse(shadows.get(thing, shadowName), "the shadow"));
    } catch (ResourceNotFoundException e) {
      return Optional.empty();
    }
  }

  private ShadowWatcher.Identity identity(AwsClients clients) {
    if (certDir != null) {
      DeviceBundle bundle =
          DeviceBundle.read(certDir)
              .orElseThrow(
                  () -> new CliException(ExitCodes.USAGE, certDir + " has no device.json bundle"));
      return new ShadowWatcher.Identity(
          bundle.endpoint(),
          bundle.port(),
          clientId != null ? clientId : bundle.thingName(),
          certDir.resolve(DeviceBundle.ROOT_CA),
          certDir.resolve(DeviceBundle.CERTIFICATE),
          certDir.resolve(DeviceBundle.PRIVATE_KEY));
    }
    if (!clients.target().isLocal()) {
      throw new CliException(
          ExitCodes.USAGE,
          "shadow watch needs an MQTT identity",
          "pass --cert-dir of a bundle (e.g. a monitoring client's), or use --local");
    }
    LocalTarget local = clients.target().local();
    Path dir = local.endpoint().operatorCertDir();
    return new ShadowWatcher.Identity(
        local.endpoint().mqttHost(),
        local.endpoint().mqttPort(),
        clientId != null
            ? clientId
            : "iotctl-operator-" + UUID.randomUUID().toString().substring(0, 8),
        local.endpoint().rootCaPath(),
        dir.resolve(DeviceBundle.CERTIFICATE),
        dir.resolve(DeviceBundle.PRIVATE_KEY));
  }
}
