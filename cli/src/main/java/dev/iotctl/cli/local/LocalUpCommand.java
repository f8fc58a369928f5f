package dev.iotctl.cli.local;

import dev.iotctl.cli.aws.LocalTarget;
import dev.iotctl.cli.framework.CliEnvironment;
import dev.iotctl.cli.framework.CliException;
import dev.iotctl.cli.framework.DebugOption;
import dev.iotctl.cli.framework.ExitCodes;
import dev.iotctl.local.LocalIotCore;
import dev.iotctl.local.StandInAlreadyRunningException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "up",
    description = {
      "Start the stand-in in the foreground on 127.0.0.1: MQTT over TLS with mutual"
          + " authentication, and the HTTP API for the AWS CLI, boto3 and the SDKs. Writes"
          + " DIR/endpoint.json when ready and prints the export lines that point the AWS CLI,"
          + " boto3 and iotctl at it ('local env' prints them again); Ctrl-C stops it.",
      "One stand-in per data dir: a second one on the same DIR is refused (exit 4)."
    },
    mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {
      "  iotctl local up",
      "  iotctl local up --mqtt-port 0 --http-port 0 --quotas aws",
      "  iotctl local up --local-dir /tmp/stand-in --mqtt-port 0 --http-port 0"
    })
final class LocalUpCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin DataDirOption dataDir;

  @Mixin DebugOption debug;

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
      description =
          "How long a minute of job rollout rates and timeouts lasts; shorter runs rollouts"
              + " faster in local tests (default: ${DEFAULT-VALUE}, as on AWS).")
  java.time.Duration jobsMinute;

  @Override
  public Integer call() throws Exception {
    if (!quotas.equals("none") && !quotas.equals("aws")) {
      throw new CliException(ExitCodes.USAGE, "--quotas must be none or aws");
    }
    Path dir = dataDir.dataDir(CliEnvironment.of(spec));
    checkFree(mqttPort, "--mqtt-port");
    checkFree(httpPort, "--http-port");
    LocalIotCore core;
    try {
      core = StandIn.start(dir, mqttPort, httpPort, quotas.equals("aws"), jobsMinute);
    } catch (StandInAlreadyRunningException e) {
      throw new CliException(
          ExitCodes.CONFLICT,
          e.getMessage(),
          "use it (iotctl --local --local-dir " + dir + " ...), or stop it first");
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  core.close();
                  stopped.countDown();
                },
                "iotctl-local-shutdown"));
    PrintWriter out = spec.commandLine().getOut();
    LocalEnv.exports(LocalTarget.read(dir)).forEach(out::println);
    out.flush();
    PrintWriter err = spec.commandLine().getErr();
    err.printf(
        "iotctl local: ready in %d ms (MQTT 127.0.0.1:%d, HTTP %s, data %s); paste the lines"
            + " above in another shell, or eval \"$(iotctl local env --local-dir %s)\";"
            + " Ctrl-C to stop%n",
        core.startupTime().toMillis(),
        core.mqttPort(),
        core.httpUrl().map(Object::toString).orElse("-"),
        dir,
        dir);
    err.flush();
    stopped.await();
    return 0;
  }

  /** A port already taken is named, with what to do, before anything starts. */
  private static void checkFree(int port, String option) {
    if (port == 0) {
      return;
    }
    try (ServerSocket probe = new ServerSocket()) {
      probe.setReuseAddress(true);
      probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    } catch (IOException e) {
      throw new CliException(
          ExitCodes.CONFLICT,
          "port " + port + " on 127.0.0.1 is already in use (" + option + ")",
          "pick a free one with --mqtt-port 0 --http-port 0");
    }
  }
}
