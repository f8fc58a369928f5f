package dev.iotctl.cli.local;

import dev.iotctl.cli.framework.CliException;
import dev.iotctl.cli.framework.ExitCodes;
import dev.iotctl.local.LocalIotCore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "up",
    description = {
      "Start the stand-in in the foreground on 127.0.0.1: MQTT over TLS with mutual"
          + " authentication, and the HTTP API for the AWS CLI, boto3 and the SDKs"
          + " (--endpoint-url). Writes DIR/endpoint.json when ready; Ctrl-C stops it.",
    },
    mixinStandardHelpOptions = true)
final class LocalUpCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      defaultValue = ".iotctl/local",
      description = "State, CA and endpoint.json (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(
      names = "--mqtt-port",
      paramLabel = "N",
      defaultValue = "8883",
      description = "MQTT over TLS; 0 picks a free port (default: ${DEFAULT-VALUE}).")
  int mqttPort;

  @Option(
      names = "--http-port",
      paramLabel = "N",
      defaultValue = "8080",
      description = "HTTP API; 0 picks a free port (default: ${DEFAULT-VALUE}).")
  int httpPort;

  @Option(
      names = "--quotas",
      paramLabel = "none|aws",
      defaultValue = "none",
      description =
          "aws: throttle the control plane at AWS's default TPS (default: ${DEFAULT-VALUE}).")
  String quotas;

  @Option(
      names = "--jobs-minute",
      paramLabel = "DURATION",
      defaultValue = "60s",
      converter = DurationConverter.class,
      description =
          "How long a minute of job rollout rates and timeouts lasts; shorter runs rollouts"
              + " faster in local tests (default: ${DEFAULT-VALUE}, as on AWS).")
  java.time.Duration jobsMinute;

  @Override
  public Integer call() throws Exception {
    if (!quotas.equals("none") && !quotas.equals("aws")) {
      throw new CliException(ExitCodes.USAGE, "--quotas must be none or aws");
    }
    PrintWriter out = spec.commandLine().getOut();
    LocalIotCore core =
        StandIn.start(dataDir, mqttPort, httpPort, quotas.equals("aws"), jobsMinute);
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              core.close();
              stopped.countDown();
            },
            "iotctl-local-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    out.println(endpointJson(core.endpointFile()));
    out.flush();
    spec.commandLine()
        .getErr()
        .printf(
            "iotctl local: ready in %d ms (MQTT 127.0.0.1:%d, HTTP %s); Ctrl-C to stop%n",
            core.startupTime().toMillis(), core.mqttPort(), core.httpUrl().orElse(null));
    spec.commandLine().getErr().flush();
    stopped.await();
    return 0;
  }

  private static String endpointJson(Path file) {
    try {
      return Files.readString(file).strip();
    } catch (IOException e) {
      throw new CliException(ExitCodes.FAILURE, "cannot read " + file + ": " + e.getMessage());
    }
  }
}
