package dev.iotctl.cli.shadow;

import dev.iotctl.cli.aws.AwsClients;
import dev.iotctl.cli.aws.AwsCommand;
import dev.iotctl.cli.certs.DeviceBundle;
import dev.iotctl.cli.framework.CliException;
import dev.iotctl.cli.framework.ExitCodes;
import dev.iotctl.core.error.IotException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.services.iotdataplane.model.ResourceNotFoundException;

@Command(
    name = "watch",
    description = {
      "Stream a shadow's delta and documents messages over MQTT as JSON lines.",
      "With --until-synced, exit 0 as soon as reported matches desired (for scripts); exit 1 if"
          + " --timeout passes first.",
      "Identity: the stand-in's operator certificate with --local; on AWS a bundle (--cert-dir)"
          + " whose policy allows subscribing to the shadow topics, e.g. a monitoring client."
    },
    mixinStandardHelpOptions = true)
final class ShadowWatchCommand extends AwsCommand {
  @Parameters(paramLabel = "THING", description = "Thing name.")
  String thing;

  @Option(names = "--name", paramLabel = "SHADOW", description = "Named shadow (default: classic).")
  String shadowName;

  @Option(names = "--until-synced", description = "Exit 0 when the delta is empty.")
  boolean untilSynced;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      description = "Stop after this many seconds.")
  Long timeoutSeconds;

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
            .watch(
                thing,
                shadowName,
                timeoutSeconds == null ? null : Duration.ofSeconds(timeoutSeconds),
                untilSynced,
                () -> syncedNow(shadows));
    if (untilSynced && !synced) {
      err().println("error: " + thing + " did not sync within " + timeoutSeconds + " s");
      return ExitCodes.FAILURE;
    }
    return ExitCodes.OK;
  }

  private boolean syncedNow(ShadowTool shadows) {
    try {
      return ShadowDiff.of(ShadowTool.parse(shadows.get(thing, shadowName), "the shadow")).inSync();
    } catch (ResourceNotFoundException | IotException e) {
      return false;
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
    if (!clients.target().isLocal() || clients.target().local().operatorCertDir() == null) {
      throw new CliException(
          ExitCodes.USAGE,
          "shadow watch needs an MQTT identity",
          "pass --cert-dir of a bundle (e.g. a monitoring client's), or use --local");
    }
    var local = clients.target().local();
    Path dir = local.operatorCertDir();
    return new ShadowWatcher.Identity(
        local.mqttHost(),
        local.mqttPort(),
        clientId != null
            ? clientId
            : "iotctl-operator-" + UUID.randomUUID().toString().substring(0, 8),
        local.rootCaPath(),
        dir.resolve(DeviceBundle.CERTIFICATE),
        dir.resolve(DeviceBundle.PRIVATE_KEY));
  }
}
